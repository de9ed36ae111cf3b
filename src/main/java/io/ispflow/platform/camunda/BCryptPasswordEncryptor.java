package io.ispflow.platform.camunda;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Staff passwords in Camunda's identity tables are bcrypt hashes, not the engine's default SHA. */
class BCryptPasswordEncryptor implements PasswordEncryptor {

    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();

    @Override
    public String encrypt(String password) {
        return bcrypt.encode(password);
    }

    @Override
    public boolean check(String password, String encrypted) {
        return bcrypt.matches(password, encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return "BCRYPT";
    }
}
