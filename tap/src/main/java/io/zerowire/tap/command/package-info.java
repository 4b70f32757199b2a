/**
 * What the picocli commands share: address converters and waiting until stopped.
 */
package io.zerowire.tap.command;
