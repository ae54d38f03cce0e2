// usersync companion endpoint for Confluence Data Center (ScriptRunner for Confluence, REST Endpoints → Custom endpoint).
// Confluence's profile fields (phone, im, website, position, department, location) are stored by UserDetailsManager
// and have no REST or RPC write path (docs/companion.md, api-facts.md §5). Values longer than 255 characters are cut
// by Confluence itself (ContentPropertyManager); a blank value removes the field. User properties are kept in the
// user's PropertySet under "usersync." + key, with Jira's key and value rules.
//   GET  /rest/scriptrunner/latest/custom/usersync/health
//   GET  /rest/scriptrunner/latest/custom/usersync/users?username=a&username=b     (1..100)
//   POST /rest/scriptrunner/latest/custom/usersync/users  {"changes":[...]}       (1..100)
import com.atlassian.confluence.user.ConfluenceUser
import com.atlassian.confluence.user.UserAccessor
import com.atlassian.confluence.user.UserDetailsManager
import com.atlassian.confluence.setup.settings.GeneralUtil
import com.atlassian.sal.api.component.ComponentLocator
import com.onresolve.scriptrunner.runner.rest.common.CustomEndpointDelegate
import groovy.json.JsonBuilder
import groovy.json.JsonSlurper
import groovy.transform.BaseScript
import javax.servlet.http.HttpServletRequest
import javax.ws.rs.core.MultivaluedMap
import javax.ws.rs.core.Response

@BaseScript CustomEndpointDelegate delegate

final List<String> PROFILE_FIELDS = ['phone', 'im', 'website', 'position', 'department', 'location']
final String PREFIX = 'usersync.'
final int MAX_BATCH = 100

def userAccessor = ComponentLocator.getComponent(UserAccessor)
def userDetails = ComponentLocator.getComponent(UserDetailsManager)
def json = { int status, Object body -> Response.status(status).entity(new JsonBuilder(body).toString()).type('application/json').build() }
def validKey = { String k -> k != null && k ==~ /[a-zA-Z0-9\s]+/ && k.length() <= 200 }
def validValue = { String v -> v != null && !v.trim().isEmpty() && v.length() <= 250 }

usersync(httpMethod: 'GET', groups: ['confluence-administrators']) { MultivaluedMap queryParams, String body, HttpServletRequest request ->
    def path = getAdditionalPathInfo(request) ?: ''
    if (path == '/health') return json(200, [product: 'confluence', version: GeneralUtil.versionNumber, companion: '1'])
    if (path != '/users') return json(404, [message: "unknown path ${path}"])
    List<String> names = (queryParams.get('username') ?: []) as List<String>
    if (names.isEmpty() || names.size() > MAX_BATCH) return json(400, [message: "give 1 to ${MAX_BATCH} username parameters"])
    def users = []
    def missing = []
    names.each { String name ->
        ConfluenceUser user = userAccessor.getUserByName(name)
        if (user == null) { missing << name; return }
        def profile = PROFILE_FIELDS.collectEntries { f -> [(f): userDetails.getStringProperty(user, f)] }.findAll { it.value }
        def ps = userAccessor.getPropertySet(user)
        def properties = ps.getKeys(PREFIX).collectEntries { String k -> [(k.substring(PREFIX.length())): ps.getString(k)] }
        users << [username: user.name, key: user.key.stringValue, active: !userAccessor.isDeactivated(user), profile: profile, properties: properties]
    }
    json(200, [users: users, missing: missing])
}

usersync(httpMethod: 'POST', groups: ['confluence-administrators']) { MultivaluedMap queryParams, String body, HttpServletRequest request ->
    if ((getAdditionalPathInfo(request) ?: '') != '/users') return json(404, [message: 'unknown path'])
    def parsed
    try { parsed = new JsonSlurper().parseText(body ?: '') } catch (Exception e) { return json(400, [message: 'body is not JSON']) }
    def changes = parsed instanceof Map ? parsed.changes : null
    if (!(changes instanceof List) || changes.isEmpty() || changes.size() > MAX_BATCH) {
        return json(400, [message: "changes must be a list of 1 to ${MAX_BATCH}"])
    }
    def results = changes.collect { Map change ->
        String name = change.username
        ConfluenceUser user = name ? userAccessor.getUserByName(name) : null
        if (user == null) return [username: name, status: 'not_found']
        Map<String, String> setProfile = (change.set?.profile ?: [:]) as Map<String, String>
        List<String> unsetProfile = (change.unset?.profile ?: []) as List<String>
        Map<String, String> setProps = (change.set?.properties ?: [:]) as Map<String, String>
        List<String> unsetProps = (change.unset?.properties ?: []) as List<String>
        def badField = (setProfile.keySet() + unsetProfile).find { !(it in PROFILE_FIELDS) }
        if (badField != null) return [username: name, status: 'rejected', message: "'${badField}' is not a Confluence profile field"]
        def badKey = (setProps.keySet() + unsetProps).find { !validKey(it as String) }
        if (badKey != null) return [username: name, status: 'rejected', message: "invalid property key '${badKey}'"]
        def badValue = setProps.find { k, v -> !validValue(v as String) }
        if (badValue != null) return [username: name, status: 'rejected', message: "value of '${badValue.key}' must be 1 to 250 characters"]
        setProfile.each { f, v -> userDetails.setStringProperty(user, f, v as String) }
        unsetProfile.each { f -> userDetails.setStringProperty(user, f, '') }
        def ps = userAccessor.getPropertySet(user)
        setProps.each { k, v -> ps.setString(PREFIX + k, v as String) }
        unsetProps.each { k -> if (ps.exists(PREFIX + k)) ps.remove(PREFIX + k) }
        [username: name, status: 'updated']
    }
    json(200, [results: results])
}
