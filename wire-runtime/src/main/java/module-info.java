/**
 * What generated views and builders run on: the packet buffer, parse and serialize contracts,
 * checksums, option walks and address types. No dependencies.
 */
module io.zerowire.runtime {
    exports io.zerowire.buffer;
    exports io.zerowire.checksum;
    exports io.zerowire.ip;
    exports io.zerowire.link;
    exports io.zerowire.options;
    exports io.zerowire.parse;
    exports io.zerowire.serialize;
}
