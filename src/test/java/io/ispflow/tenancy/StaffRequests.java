package io.ispflow.tenancy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.ispflow.shared.StaffRole;

/** Request bodies of the company and staff administration API, easy to spoil one field at a time. */
final class StaffRequests {

    private StaffRequests() {
    }

    /** A user id or slug no other test uses. */
    static String fresh(String prefix) {
        return prefix + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    }

    static Map<String, Object> invitation(String userId, StaffRole role) {
        var body = person(userId);
        body.put("role", role.id());
        return body;
    }

    static Map<String, Object> company(String slug, String firstAdmin) {
        var body = new LinkedHashMap<String, Object>();
        body.put("name", "Rift Valley Fibre " + slug);
        body.put("slug", slug);
        body.put("licenseType", "starter");
        body.put("clientLimit", 50);
        body.put("firstAdmin", person(firstAdmin));
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        var changed = new LinkedHashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    static Map<String, Object> password(String password) {
        return Map.of("password", password);
    }

    private static LinkedHashMap<String, Object> person(String userId) {
        var body = new LinkedHashMap<String, Object>();
        body.put("userId", userId);
        body.put("firstName", "Achieng");
        body.put("lastName", "Otieno");
        body.put("email", userId.toLowerCase() + "@staff.example");
        body.put("phone", "0712 345 678");
        return body;
    }
}
