/**
 * Parsing vocabulary: the {@link io.zerowire.parse.BufferView} a parser consumes, the
 * {@link io.zerowire.parse.Parser} contract and the single typed error,
 * {@link io.zerowire.parse.ParseException}.
 */
package io.zerowire.parse;
