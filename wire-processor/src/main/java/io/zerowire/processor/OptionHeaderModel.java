package io.zerowire.processor;

/**
 * A valid option header, resolved: where its kind and length bits are (numbered from the most
 * significant bit of the header's first byte), what the length counts, and the rules as declared.
 */
record OptionHeaderModel(
        OptionHeaderDeclaration declaration,
        int headerSize,
        int kindOffset,
        int kindWidth,
        int lengthOffset,
        int lengthWidth,
        int lengthUnit,
        boolean lengthIncludesHeader) {}
