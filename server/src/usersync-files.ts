/** Names of usersync files: the `.usersync` form and the YAML form (`.usersync.yaml`, `.usersync.yml`). */
export const USERSYNC_FILE = /\.usersync(\.ya?ml)?$/i;

/** Folders a search for usersync files leaves out: dependencies, build output, the state folder, dot-folders. */
export function isSkippedFolder(name: string): boolean {
  return name === 'node_modules' || name === 'dist' || name === 'out' || name.startsWith('.');
}
