// usersync companion endpoint for Jira Data Center (ScriptRunner for Jira, REST Endpoints → Custom endpoint).
// Jira's admin-UI "User Properties" live in the user's PropertySet under "jira.meta." + key and have no REST API
// (docs/companion.md, api-facts.md §4). This endpoint exposes exactly the contract the usersync engine speaks:
//   GET  /rest/scriptrunner/latest/custom/usersync/health
//   GET  /rest/scriptrunner/latest/custom/usersync/users?username=a&username=b     (1..100)
//   POST /rest/scriptrunner/latest/custom/usersync/users  {"changes":[...]}       (1..100)
// Rules enforced here, as Jira's own EditUserProperty action does: key [a-zA-Z0-9\s]+ at most 200 characters,
// value non-blank at most 250 characters. A user's change is applied whole or not at all.
import com.atlassian.jira.component.ComponentAccessor
import com.atlassian.jira.user.ApplicationUser
import com.onresolve.scriptrunner.runner.rest.common.CustomEndpointDelegate
import groovy.json.JsonBuilder
import groovy.json.JsonSlurper
import groovy.transform.BaseScript
import javax.servlet.http.HttpServletRequest
import javax.ws.rs.core.MultivaluedMap
import javax.ws.rs.core.Response

@BaseScript CustomEndpointDelegate delegate

final String PREFIX = 'jira.meta.'
final int MAX_BATCH = 100

def json = { int status, Object body -> Response.status(status).entity(new JsonBuilder(body).toString()).type('application/json').build() }
def propertySet = { ApplicationUser user -> ComponentAccessor.userPropertyManager.getPropertySet(user) }
def readProperties = { ApplicationUser user ->
    def ps = propertySet(user)
    ps.getKeys(PREFIX).collectEntries { String k -> [(k.substring(PREFIX.length())): ps.getString(k)] }
}
def validKey = { String k -> k != null && k ==~ /[a-zA-Z0-9\s]+/ && k.length() <= 200 }
def validValue = { String v -> v != null && !v.trim().isEmpty() && v.length() <= 250 }

usersync(httpMethod: 'GET', groups: ['jira-administrators']) { MultivaluedMap queryParams, String body, HttpServletRequest request ->
    def path = getAdditionalPathInfo(request) ?: ''
    if (path == '/health') {
        return json(200, [product: 'jira', version: ComponentAccessor.applicationProperties.version, companion: '1'])
    }
    if (path != '/users') return json(404, [message: "unknown path ${path}"])
    List<String> names = (queryParams.get('username') ?: []) as List<String>
    if (names.isEmpty() || names.size() > MAX_BATCH) return json(400, [message: "give 1 to ${MAX_BATCH} username parameters"])
    def users = []
    def missing = []
    names.each { String name ->
        ApplicationUser user = ComponentAccessor.userManager.getUserByName(name)
        if (user == null) { missing << name; return }
        users << [username: user.username, key: user.key, active: user.active, properties: readProperties(user)]
    }
    json(200, [users: users, missing: missing])
}

usersync(httpMethod: 'POST', groups: ['jira-administrators']) { MultivaluedMap queryParams, String body, HttpServletRequest request ->
    if ((getAdditionalPathInfo(request) ?: '') != '/users') return json(404, [message: 'unknown path'])
    def parsed
    try { parsed = new JsonSlurper().parseText(body ?: '') } catch (Exception e) { return json(400, [message: 'body is not JSON']) }
    def changes = parsed instanceof Map ? parsed.changes : null
    if (!(changes instanceof List) || changes.isEmpty() || changes.size() > MAX_BATCH) {
        return json(400, [message: "changes must be a list of 1 to ${MAX_BATCH}"])
    }
    def results = changes.collect { Map change ->
        String name = change.username
        ApplicationUser user = name ? ComponentAccessor.userManager.getUserByName(name) : null
        if (user == null) return [username: name, status: 'not_found']
        Map<String, String> set = (change.set?.properties ?: [:]) as Map<String, String>
        List<String> unset = (change.unset?.properties ?: []) as List<String>
        if (change.set?.profile || change.unset?.profile) return [username: name, status: 'rejected', message: 'Jira has no profile fields; map property only']
        def badKey = (set.keySet() + unset).find { !validKey(it as String) }
        if (badKey != null) return [username: name, status: 'rejected', message: "invalid property key '${badKey}'"]
        def badValue = set.find { k, v -> !validValue(v as String) }
        if (badValue != null) return [username: name, status: 'rejected', message: "value of '${badValue.key}' must be 1 to 250 characters"]
        def ps = propertySet(user)
        set.each { k, v -> ps.setString(PREFIX + k, v as String) }
        unset.each { k -> if (ps.exists(PREFIX + k)) ps.remove(PREFIX + k) }
        [username: name, status: 'updated']
    }
    json(200, [results: results])
}
