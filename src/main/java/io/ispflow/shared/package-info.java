/**
 * The open kernel: value types every module speaks (phone numbers, staff roles). No beans here.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared kernel",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package io.ispflow.shared;
