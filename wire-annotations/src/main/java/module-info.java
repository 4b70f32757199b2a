/**
 * The layout language: the annotations a header layout is declared with, read at compile time by
 * {@code zerowire-processor}. No dependencies.
 */
module io.zerowire.annotations {
    exports io.zerowire.annotations;
}
