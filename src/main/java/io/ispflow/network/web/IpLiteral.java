package io.ispflow.network.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An IPv4 or IPv6 address written out (no host name, no network prefix): devices are reached at their
 * management address, and resolving names would make the poller depend on DNS.
 */
@Documented
@Constraint(validatedBy = IpLiteral.Check.class)
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@interface IpLiteral {

    String message() default "must be an IPv4 or IPv6 address such as 10.0.0.1 or 2001:db8::1, not a host name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Null passes: whether the value is required is another constraint's business. */
    class Check implements ConstraintValidator<IpLiteral, String> {

        private static final Pattern IPV4 = Pattern.compile(
                "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
        private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]{1,44}");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || isIpLiteral(value);
        }

        static boolean isIpLiteral(String value) {
            if (IPV4.matcher(value).matches()) {
                return true;
            }
            if (value.indexOf(':') < 0 || !IPV6_CHARACTERS.matcher(value).matches()) {
                return false;
            }
            try {
                // with a colon in it, the JDK parses the text as an IPv6 literal and never asks DNS
                InetAddress.getByName(value);
                return true;
            } catch (UnknownHostException notAnAddress) {
                return false;
            }
        }
    }
}
