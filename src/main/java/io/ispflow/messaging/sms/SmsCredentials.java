package io.ispflow.messaging.sms;

/** A company's gateway account, decrypted for one call; never logged ({@link #toString()} hides the key). */
public record SmsCredentials(String username, String apiKey, String senderId, String environment) {

    @Override
    public String toString() {
        return "SmsCredentials[username=" + username + ", senderId=" + senderId + ", environment=" + environment + "]";
    }
}
