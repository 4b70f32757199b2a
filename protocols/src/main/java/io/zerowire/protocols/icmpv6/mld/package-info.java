/**
 * Multicast Listener Discovery: MLDv1 (RFC 2710) queries, reports and dones
 * ({@link io.zerowire.protocols.icmpv6.mld.MldLayout}), the MLDv2 query (RFC 3810 section 5.1,
 * {@link io.zerowire.protocols.icmpv6.mld.Mldv2QueryLayout}) with its sources, and the MLDv2 report
 * (section 5.2, {@link io.zerowire.protocols.icmpv6.mld.Mldv2ReportLayout}) with its multicast
 * address records ({@link io.zerowire.protocols.icmpv6.mld.MulticastAddressRecordLayout}).
 *
 * <p>Sources and records are read in place through
 * {@link io.zerowire.protocols.icmpv6.mld.SourceAddresses} and the allocation-free record iterator
 * {@link io.zerowire.protocols.icmpv6.mld.Mldv2Records}; a parser refuses more than
 * {@link io.zerowire.protocols.icmpv6.mld.Mldv2#MAX_SOURCES} sources or
 * {@link io.zerowire.protocols.icmpv6.mld.Mldv2#MAX_RECORDS} records with an {@code UNSUPPORTED}
 * parse error. {@link io.zerowire.protocols.icmpv6.mld.Mldv2} decodes the exponential codes.
 * {@link io.zerowire.protocols.icmpv6.mld.SourceAddressesBuilder} and
 * {@link io.zerowire.protocols.icmpv6.mld.Mldv2RecordsBuilder} write the variable parts as the body
 * of the generated message builders.
 *
 * <pre>{@code
 * Mldv2Records records = icmp.records();
 * while (records.next()) {
 *     MulticastAddressRecord record = records.record();
 *     if (record.recordType() == Mldv2.CHANGE_TO_EXCLUDE_MODE) {
 *         join(record.multicastAddress(), records.sources());
 *     }
 * }
 *
 * Mldv2RecordsBuilder join = new Mldv2RecordsBuilder().add(Mldv2.CHANGE_TO_EXCLUDE_MODE, group, List.of());
 * Serializer report = Serializer.of(join)
 *         .encapsulate(new Mldv2ReportBuilder().numberOfRecords(join.count()))
 *         .encapsulate(new Icmpv6HeaderBuilder().type(Icmpv6Type.MULTICAST_LISTENER_REPORT_V2)
 *                 .addresses(linkLocal, Ipv6Address.parse("ff02::16")));
 * }</pre>
 */
package io.zerowire.protocols.icmpv6.mld;
