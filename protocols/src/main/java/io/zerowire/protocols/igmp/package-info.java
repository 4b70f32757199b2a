/**
 * IGMP versions 1, 2 and 3 (RFC 1112, RFC 2236, RFC 3376): parse, validate and build.
 *
 * <p>Layouts: {@link io.zerowire.protocols.igmp.IgmpHeaderLayout} (type, max response code, and
 * the checksum over the whole message; generated {@code IgmpHeader}), then
 * {@link io.zerowire.protocols.igmp.IgmpGroupAddressLayout} for the 8-byte v1/v2 messages,
 * {@link io.zerowire.protocols.igmp.IgmpV3QueryLayout} (followed by the sources),
 * {@link io.zerowire.protocols.igmp.IgmpV3ReportLayout} and
 * {@link io.zerowire.protocols.igmp.IgmpGroupRecordLayout} (followed by sources and auxiliary
 * data). Open enums: {@link io.zerowire.protocols.igmp.IgmpType},
 * {@link io.zerowire.protocols.igmp.IgmpRecordType}; {@link io.zerowire.protocols.igmp.IgmpTimeCode}
 * decodes and encodes IGMPv3's floating-point time codes.
 *
 * <p>Parse with {@link io.zerowire.protocols.igmp.IgmpPacket}: it tells the version as RFC 3376
 * section 7.1 says (a query by its length and max response code, a report by its type), verifies
 * the checksum, checks that every source and group record fits and that a report holds at most
 * {@code IgmpPacket.MAX_GROUP_RECORDS} records and a query or record {@code MAX_SOURCES} sources (or lower bounds
 * of your choosing; more is an {@code UNSUPPORTED} ParseException), and iterates the records of a
 * report without allocating. Other types (DVMRP, mtrace, ...) are kept as {@code OTHER}.
 *
 * <pre>{@code
 * IgmpPacket igmp = new IgmpPacket();                  // reusable
 * ip.wrap(buffer);                                     // an Ipv4 view: the body is the IGMP message
 * igmp.wrap(buffer);
 * if (igmp.kind() == IgmpMessageKind.V3_MEMBERSHIP_REPORT) {
 *     IgmpGroupRecords records = igmp.records();
 *     while (records.next()) {
 *         IgmpGroupRecord record = records.record();
 *         for (int i = 0; i < record.numberOfSources(); i++) {
 *             int source = records.sourceBits(i);
 *         }
 *     }
 * }
 * }</pre>
 *
 * <p>Build with {@link io.zerowire.protocols.igmp.IgmpMessageBuilder} (v1/v2),
 * {@link io.zerowire.protocols.igmp.IgmpV3QueryMessageBuilder} and
 * {@link io.zerowire.protocols.igmp.IgmpV3ReportMessageBuilder}; counts and the checksum are filled in:
 *
 * <pre>{@code
 * PacketBuffer join = Serializer.of(new byte[0])
 *         .encapsulate(new IgmpV3ReportMessageBuilder().addRecord(IgmpRecordType.CHANGE_TO_EXCLUDE_MODE, group))
 *         .encapsulate(new Ipv4Builder().ttl(1).protocol(IpProtocol.IGMP).source(me)
 *                 .destination(Ipv4Address.parse("224.0.0.22"))
 *                 .options(new OptionsBuilder(Ipv4OptionFormat.FORMAT).addU16(Ipv4Options.ROUTER_ALERT, 0)))
 *         .serialize();
 * }</pre>
 */
package io.zerowire.protocols.igmp;
