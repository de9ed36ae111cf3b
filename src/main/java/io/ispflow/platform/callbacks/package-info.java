/**
 * What the intake of every provider that calls us (payments, SMS) shares: the body filter in front of
 * their paths, refusals recorded as security events, the one Camel route configuration that answers
 * refusals in the provider's format, path tokens, and lenient reading of provider values.
 */
package io.ispflow.platform.callbacks;
