package io.ispflow.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The database tables a module owns, declared on its {@code package-info.java}. Only the owner's code
 * names a table in SQL, JPQL or an entity mapping; other modules ask the owner's API or listen to its
 * events. Every table of the migrations has exactly one owner ({@code TableOwnershipTests}).
 */
@Documented
@Target(ElementType.PACKAGE)
@Retention(RetentionPolicy.RUNTIME)
public @interface OwnsTables {

    /** Table names as the migrations create them. */
    String[] value();
}
