/**
 * The layout language. A {@link io.zerowire.annotations.Header @Header} interface declares a
 * header once; the {@code wire-processor} compiles it into a view and a builder. These
 * annotations have class retention and no dependencies.
 */
package io.zerowire.annotations;
