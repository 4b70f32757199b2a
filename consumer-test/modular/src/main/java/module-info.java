/** A user's layouts in a named module: the generated views and builders live in it too. */
module com.example.vxlan {
    requires io.zerowire.protocols;

    exports com.example.vxlan;
}
