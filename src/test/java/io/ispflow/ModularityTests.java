package io.ispflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The business capabilities stay apart: dependencies point one way, internals stay internal. */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(IspFlowApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
