package io.zerowire.processor.diagnostics;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the constants of the processor's {@code Message} enum that a test checks, so that
 * {@link MessageCoverageTest} can tell when a diagnostic has no test.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Diagnoses {
    String[] value();
}
