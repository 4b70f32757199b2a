package io.zerowire.examples.userheaders;

import io.zerowire.annotations.Bits;
import io.zerowire.annotations.Header;
import io.zerowire.annotations.Reserved;

/**
 * The DNS message header (RFC 1035 section 4.1.1, with RFC 4035's AD and CD bits): twelve bytes
 * before the question, answer, authority and additional sections, which it counts.
 */
@Header(name = "DnsHeader", layer = "dns")
public interface DnsHeaderLayout {
    @Bits(16) int id();
    boolean response();
    @Bits(4) int opcode();
    boolean authoritative();
    boolean truncated();
    boolean recursionDesired();
    boolean recursionAvailable();
    @Reserved boolean z();
    boolean authenticatedData();
    boolean checkingDisabled();
    @Bits(4) int rcode();
    @Bits(16) int questionCount();
    @Bits(16) int answerCount();
    @Bits(16) int authorityCount();
    @Bits(16) int additionalCount();
}
