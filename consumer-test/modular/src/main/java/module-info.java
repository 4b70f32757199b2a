/**
 * A user's layouts in a named module: the generated views and builders live in it too. Its exported
 * API shows Zerowire's types (the layout's annotations, the runtime's buffer), hence transitive.
 */
module com.example.vxlan {
    requires transitive io.zerowire.protocols;

    exports com.example.vxlan;
}
