package io.ispflow.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * The profile behind a login, as the module that keeps staff profiles knows it. A login is a Camunda
 * user; notifications and messages are addressed to the profile, so the platform asks for its id once
 * per verified login and hands it to PostgreSQL as {@code app.user_id}.
 */
public interface StaffProfiles {

    /** The profile id of the user, of whatever company; empty for a login without a profile. */
    Optional<UUID> profileIdOf(String userId);
}
