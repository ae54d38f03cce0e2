/** Word pools for generated people. Plain data; the generator in users.ts picks from them. */

/** A word list written as text: split on whitespace. */
const words = (text: string): string[] => text.trim().split(/\s+/);

export const GIVEN_NAMES = words(`
  Alice Bob Carol David Emma Frank Grace Henry Isabel Jack Karen Liam Maria Noah Olivia Peter Quinn Rachel
  Samuel Tara Umar Vera William Xenia Yusuf Zara Aaron Beatrice Caleb Diana Ethan Fiona George Hannah Ivan
  Julia Kevin Laura Mason Nina Oscar Priya Rahul Sofia Thomas Uma Victor Wendy Adele Brian Chloe Daniel
  Elena Felix Gemma Hugo Irene James Kira Leo
`);

export const SURNAMES = words(`
  Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez Gonzalez
  Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez Clark Ramirez
  Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams Nelson Baker
  Hall Rivera Campbell Mitchell Carter Roberts Patel Kim Okafor Schmidt Rossi Dubois Novak Larsen Tanaka
  Silva
`);

/** Names with accents, right-to-left scripts or CJK; `ascii` is the e-mail spelling when NFD stripping is not enough. */
export const UNICODE_NAMES: { given: string; surname: string; ascii?: [string, string]; emoji?: string }[] = [
  { given: 'José', surname: 'Álvarez' },
  { given: 'ليلى', surname: 'حداد', ascii: ['layla', 'haddad'] },
  { given: 'Zoë', surname: 'Ångström', emoji: '🚀' },
  { given: 'Łukasz', surname: 'Wiśniewski', ascii: ['lukasz', 'wisniewski'] },
  { given: 'Søren', surname: 'Kierkegård', ascii: ['soren', 'kierkegard'] },
  { given: 'שרה', surname: 'כהן', ascii: ['sarah', 'cohen'], emoji: '🌟' },
  { given: 'Ngọc', surname: 'Nguyễn' },
  { given: 'Björn', surname: 'Müller', emoji: '🎸' },
  { given: 'François', surname: 'Lefèvre' },
  { given: '美咲', surname: '佐藤', ascii: ['misaki', 'sato'] },
  { given: 'Renée', surname: "O'Connor-Díaz", ascii: ['renee', 'oconnor-diaz'] },
];

export interface Department {
  name: string;
  division: string;
  titles: string[];
}

export const DEPARTMENTS: Department[] = [
  {
    name: 'Engineering',
    division: 'Technology',
    titles: ['Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Engineering Manager'],
  },
  { name: 'R&D', division: 'Technology', titles: ['Research Scientist', 'Lab Technician', 'Research Lead'] },
  { name: 'Sales', division: 'Commercial', titles: ['Account Executive', 'Sales Manager', 'Sales Engineer'] },
  {
    name: 'Marketing',
    division: 'Commercial',
    titles: ['Marketing Specialist', 'Content Strategist', 'Head of Brand'],
  },
  { name: 'Finance', division: 'Corporate', titles: ['Accountant', 'Financial Analyst', 'Controller'] },
  {
    name: 'Human Resources',
    division: 'Corporate',
    titles: ['HR Business Partner', 'Recruiter', 'People Operations Lead'],
  },
  { name: 'Legal', division: 'Corporate', titles: ['Counsel', 'Paralegal'] },
  {
    name: 'Operations',
    division: 'Operations',
    titles: ['Operations Analyst', 'Facilities Coordinator', 'Logistics Manager'],
  },
  { name: 'Customer Support', division: 'Operations', titles: ['Support Engineer', 'Support Team Lead'] },
  {
    name: 'Product Management',
    division: 'Technology',
    titles: ['Product Manager', 'Product Owner', 'Director of Product'],
  },
];

export interface City {
  city: string;
  country: string;
  countryCode: string;
  phonePrefix: string;
  language: string;
}

export const CITIES: City[] = [
  { city: 'Seattle', country: 'United States', countryCode: 'US', phonePrefix: '+1 425 555 ', language: 'en-US' },
  { city: 'New York', country: 'United States', countryCode: 'US', phonePrefix: '+1 212 555 ', language: 'en-US' },
  { city: 'Toronto', country: 'Canada', countryCode: 'CA', phonePrefix: '+1 416 555 ', language: 'en-CA' },
  { city: 'London', country: 'United Kingdom', countryCode: 'GB', phonePrefix: '+44 20 7946 ', language: 'en-GB' },
  { city: 'Paris', country: 'France', countryCode: 'FR', phonePrefix: '+33 1 70 18 ', language: 'fr-FR' },
  { city: 'München', country: 'Germany', countryCode: 'DE', phonePrefix: '+49 89 1234 ', language: 'de-DE' },
  { city: 'São Paulo', country: 'Brazil', countryCode: 'BR', phonePrefix: '+55 11 5555 ', language: 'pt-BR' },
  { city: 'Tel Aviv', country: 'Israel', countryCode: 'IL', phonePrefix: '+972 3 555 ', language: 'he-IL' },
  { city: 'Tokyo', country: 'Japan', countryCode: 'JP', phonePrefix: '+81 3 5555 ', language: 'ja-JP' },
  { city: 'Sydney', country: 'Australia', countryCode: 'AU', phonePrefix: '+61 2 5550 ', language: 'en-AU' },
];

export const SKILLS = ['TypeScript', 'Negotiation', 'SQL', 'Public speaking', 'Kubernetes', 'Accounting', 'Design'];
export const PROJECTS = ['Apollo', 'Borealis', 'Cascade', 'Delta Wing', 'Everest', 'Falcon'];

/** A value well over 255 characters, for the few people with long data. */
export const LONG_TITLE =
  'Senior Principal Distinguished Engineer for Cross-Functional Platform Reliability, Observability, ' +
  'Developer Productivity and Internal Tooling (Europe, Middle East and Africa), acting Chief of Staff to the ' +
  'Office of the Chief Technology Officer and interim lead of the Architecture Review Board';

export const LONG_OFFICE =
  'Building 42 (North Campus), Floor 3, Room 3.1415 – enter via the loading dock on Innovation Drive, take ' +
  'the second lift on the left, follow the green line past the cafeteria and the mail room, then ask at the ' +
  'reception desk for an escort badge; visitors must be registered 24 hours in advance with facilities';
