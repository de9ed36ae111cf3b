/**
 * Demo data for the default run (two companies with one user per role, packages and clients), and the
 * guard that keeps demo passwords out of every other profile. Nothing depends on this module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data")
package io.ispflow.demo;
