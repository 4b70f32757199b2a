/**
 * Reading and writing pcap and pcapng captures. The file, record and block header layouts
 * ({@code io.zerowire.pcap.layout}) are how the reader is built, not API, and stay unexported.
 */
module io.zerowire.pcap {
    requires transitive io.zerowire.runtime;
    requires static io.zerowire.annotations;

    exports io.zerowire.pcap;
}
