/**
 * Type-length-value option regions: the options of IPv4, TCP, the IPv6 Hop-by-Hop and Destination
 * Options headers, NDP and pcapng blocks. {@link io.zerowire.options.OptionFormat} describes a
 * format's rules once; {@link io.zerowire.options.OptionsIterator} validates a region in one pass and
 * then reads its options in place; {@link io.zerowire.options.OptionsBuilder} encodes options and
 * writes them as a correctly padded region. Parsing and reused builders allocate nothing, and hostile
 * regions end in a {@link io.zerowire.parse.ParseException}, bounded by a per-format option count.
 */
package io.zerowire.options;
