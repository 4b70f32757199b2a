package io.zerowire.processor;

import com.palantir.javapoet.ClassName;

/** The wire-runtime types that generated code refers to; the processor itself never loads them. */
final class RuntimeTypes {
    static final ClassName BYTES = ClassName.get("io.zerowire.buffer", "Bytes");
    static final ClassName PACKET_BUFFER = ClassName.get("io.zerowire.buffer", "PacketBuffer");
    static final ClassName PARSE_METADATA = ClassName.get("io.zerowire.buffer", "ParseMetadata");
    static final ClassName BUFFER_VIEW = ClassName.get("io.zerowire.parse", "BufferView");
    static final ClassName PARSE_EXCEPTION = ClassName.get("io.zerowire.parse", "ParseException");
    static final ClassName PACKET_BUILDER = ClassName.get("io.zerowire.serialize", "PacketBuilder");
    static final ClassName PACKET_CONSTRAINTS = ClassName.get("io.zerowire.serialize", "PacketConstraints");
    static final ClassName SERIALIZE_TARGET = ClassName.get("io.zerowire.serialize", "SerializeTarget");
    static final ClassName INTERNET_CHECKSUM = ClassName.get("io.zerowire.checksum", "InternetChecksum");
    static final ClassName PSEUDO_HEADER = ClassName.get("io.zerowire.checksum", "PseudoHeader");
    static final ClassName OPTIONS_ITERATOR = ClassName.get("io.zerowire.options", "OptionsIterator");
    static final ClassName OPTIONS_BUILDER = ClassName.get("io.zerowire.options", "OptionsBuilder");
    static final ClassName OPTION_FORMAT = ClassName.get("io.zerowire.options", "OptionFormat");
    static final ClassName IP_ADDRESS = ClassName.get("io.zerowire.ip", "IpAddress");
    static final ClassName IPV4_ADDRESS = ClassName.get("io.zerowire.ip", "Ipv4Address");
    static final ClassName IPV6_ADDRESS = ClassName.get("io.zerowire.ip", "Ipv6Address");
    static final ClassName MAC_ADDRESS = ClassName.get("io.zerowire.link", "MacAddress");

    private RuntimeTypes() {}
}
