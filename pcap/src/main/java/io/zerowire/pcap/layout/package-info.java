/**
 * The pcap and pcapng file structures as layouts: the processor compiles each into a zero-copy view
 * and a builder, which the reader and the writers use. Nothing in a file header, record header or
 * block header is decoded by hand.
 *
 * <p>pcap files are written in the capturing host's byte order, which the magic number tells, and
 * each pcapng section in the order its byte-order magic tells. Each structure is one layout whose
 * order is chosen at parse time ({@code Endian.AT_PARSE}): the reader wraps it with the file's or
 * section's order, and {@code PcapngSectionStartLayout} finds a section's order from its
 * {@code @ByteOrderMark}. The two blocks with an option region, {@code SectionHeaderBlock} and
 * {@code InterfaceDescriptionBlock}, are still declared once per order ({@code ...LeLayout},
 * {@code ...BeLayout}): their option format is in the layout's order.
 *
 * <p>What the layout language cannot say, and where the reader says it instead:
 * <ul>
 *   <li>a constant with two accepted values (pcap's microsecond and nanosecond magic numbers): the
 *       magic is a plain field, dispatched on by {@code CaptureMagicLayout};
 *   <li>a variable-length region sized by a field and padded to 32 bits, followed by more fields
 *       (a packet block's data, then its options): the packet data is the body (its captured length
 *       is the {@code @TotalLength}), and the reader walks the options after the padding with an
 *       {@code OptionsIterator};
 *   <li>a footer (a pcapng block's trailing copy of its length): declared as its own layout,
 *       {@code PcapngBlockTrailerLayout}, whose value the reader compares with the header's;
 *   <li>a length that must be a multiple of 4, and limits on lengths: checked by the reader.
 * </ul>
 */
package io.zerowire.pcap.layout;
