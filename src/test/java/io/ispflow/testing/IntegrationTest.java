package io.ispflow.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a real PostgreSQL and a random port. Every test class with this annotation
 * (and nothing else that changes the context) shares one application context, so the suite boots once.
 * Process test classes add {@link FullProcessCoverage}, in a context of their own; such classes are
 * tagged {@code own-context} and run in a JVM of their own (see pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public @interface IntegrationTest {
}
