/**
 * Layouts that exist to be fuzzed: each puts the layout language's harder rules together (odd bit
 * widths across byte boundaries, little-endian order, signed and reserved fields, header lengths
 * with a unit and an offset, total lengths that include the header or not, checksums over the header,
 * the body or a pseudo-header, and an option region of each format), so that the fuzz targets test
 * the views and builders the processor generates, not only the ones the protocols happen to need.
 * They describe no real protocol.
 */
package io.zerowire.fuzz.layouts;
