package io.zerowire.processor;

/**
 * Every diagnostic the processor can report, in one place, so that wording stays consistent and
 * tests can refer to them. Each says what is wrong and how to fix it; {@code %s} placeholders are
 * filled by {@link String#format}.
 */
enum Message {
    NOT_AN_INTERFACE("@Header applies to interfaces only: declare %s as an interface whose abstract methods are its fields"),
    NO_FIELDS("layout %s has no fields: declare at least one abstract method"),
    FIELD_HAS_PARAMETERS("field %s() must not take parameters: a field is an abstract method with none"),
    HELPER_ANNOTATED("helper %s() has @%s, which only fields take: a default or static method is a helper, not a"
            + " field (remove the annotation, or the body to make it a field)"),
    FIELD_IS_GENERIC("field %s() must not declare type parameters"),
    UNSUPPORTED_TYPE("field %s() has type %s, which a layout cannot hold: use int, long, boolean, MacAddress,"
            + " Ipv4Address, Ipv6Address, the layout's address type parameter, byte[] with @Size, an open enum"
            + " (a type with static of(int) and int value()), or OptionsIterator with @Options"),
    MISSING_WIDTH("field %s() needs a width: add @Bits(n) with n from 1 to 64"),
    WIDTH_OUT_OF_RANGE("@Bits(%s) on %s() is out of range: a width is 1 to 64 bits"),
    WIDTH_TOO_LARGE("@Bits(%s) does not fit in the %s type of %s(): %s"),
    WIDTH_NOT_ALLOWED("field %s() has type %s, whose width is fixed: remove @Bits"),
    SIGNED_NOT_ALLOWED("@Signed applies to int and long fields only, not to %s()"),
    NOT_WHOLE_BYTES("the fields of %s add up to %s bits, which is not a whole number of bytes: add %s more bits"
            + " (a @Reserved field, for example) or fix a width"),
    NOT_BYTE_ALIGNED("field %s() starts at bit %s, which is not on a byte boundary: addresses, byte regions and"
            + " options must start on one"),
    SIZE_REQUIRED("byte region %s() needs its length: add @Size(n)"),
    SIZE_NOT_ALLOWED("@Size applies to byte[] fields only, not to %s()"),
    SIZE_OUT_OF_RANGE("@Size(%s) on %s() is out of range: a byte region is 1 byte or more"),
    CONFLICTING_ROLES("field %s() has both @%s and @%s: a field plays one role"),
    CONST_NEEDS_VALUE("@Const applies to int, long, boolean and open-enum fields, not to %s()"),
    ROLE_NEEDS_NUMBER("@%s applies to int and long fields, not to %s()"),
    CONST_OUT_OF_RANGE("@Const(%s) does not fit in the %s-bit field %s()"),
    LENGTH_WITHOUT_UNIT("@%s on %s() needs a unit: the number of bytes one count stands for (IPv4's IHL: unit = 4)"),
    DUPLICATE_ROLE("%s() is a second @%s field: a layout has at most one (the first is %s())"),
    TWO_CHECKSUMS("%s() is a second @Checksum field: a layout has at most one (the first is %s())"),
    CHECKSUM_SHAPE("checksum %s() must be 16 bits wide and start on an even byte offset (it is %s bits at bit %s)"),
    CHECKSUM_NOT_INT("checksum %s() must be declared as int: an internet checksum is a 16-bit number"),
    CHECKSUM_LITTLE_ENDIAN("checksum %s() is in a little-endian layout: internet checksums are sums of big-endian"
            + " words, so declare the checksum in a big-endian layout"),
    HEADER_LENGTH_UNREACHABLE("@HeaderLength(unit = %s, offset = %s) on %s() cannot describe the %s-byte fixed header:"
            + " the fixed length minus the offset must be a multiple of the unit"),
    CHECKSUM_NEEDS_PROTOCOL("the pseudo-header checksum %s() needs its protocol number: add protocol = 6 (TCP), 17 (UDP) or 58 (ICMPv6)"),
    CHECKSUM_NEEDS_VERSION("the pseudo-header checksum %s() needs an IP version: make the layout generic"
            + " (<A extends IpAddress<?>>) or set ipVersion = V4 or V6"),
    CHECKSUM_VERSION_CONFLICT("checksum %s() sets ipVersion, but the layout is generic over the IP version: remove ipVersion"),
    CHECKSUM_PSEUDO_ONLY("%s on checksum %s() applies to pseudo-header checksums only"),
    OPTIONS_WITHOUT_HEADER_LENGTH("option region %s() needs a @HeaderLength field that says where the options end"),
    OPTIONS_TYPE("option region %s() must have type OptionsIterator"),
    OPTIONS_NOT_LAST("option region %s() must be the last field: the options run from the fixed fields to the header length"),
    OPTIONS_REQUIRED("field %s() has type OptionsIterator: add @Options(format) to say the option format"),
    PRESENT_IF_NO_FIELD("@PresentIf(\"%s\") on %s() names no field: name the 1-bit boolean flag, declared before"
            + " it, that says whether the field is present"),
    PRESENT_IF_NOT_FLAG("@PresentIf(\"%s\") on %s() names %s(), which is not a flag: a flag is a fixed 1-bit boolean"
            + " field without @Const, @Reserved or another role"),
    PRESENT_IF_FLAG_AFTER("@PresentIf(\"%s\") on %s() names a flag declared after it: declare the flag among the"
            + " fixed fields, before the fields it gates"),
    OPTIONAL_TYPE("optional field %s() has type %s: an optional field is an int or long (optional booleans, open"
            + " enums, addresses and byte regions are not supported)"),
    OPTIONAL_NOT_WHOLE_BYTES("optional field %s() is %s bits wide: an optional field is whole bytes (8, 16, 24..."
            + " bits), so that every field after it starts on a byte boundary"),
    OPTIONAL_ROLE("optional field %s() has @%s: an optional field is a plain value or a checksum (an optional"
            + " constant, reserved field, length or option region is not supported)"),
    OPTIONAL_CHECKSUM_PSEUDO("optional checksum %s() covers a pseudo-header: an optional checksum covers"
            + " HEADER or HEADER_AND_BODY (an optional pseudo-header checksum is not supported)"),
    OPTIONAL_CHECKSUM_SHAPE("optional checksum %s() must be 16 bits wide and start on an even byte offset whichever"
            + " optional fields are present: the fixed fields and every optional field before it need an even number"
            + " of bytes (%s is %s bits)"),
    FIXED_AFTER_OPTIONAL("field %s() comes after the optional field %s(): declare every fixed field before the"
            + " optional ones"),
    OPTIONAL_UNSUPPORTED("@%s on %s() cannot be combined with optional fields such as %s() (not supported): the"
            + " flags alone give the header length, so a layout with optional fields has no @HeaderLength,"
            + " @TotalLength, @Options or fixed @Checksum (a checksum may itself be an optional field)"),
    TYPE_PARAMETER_NOT_ADDRESS("type parameter %s of %s must be bounded by IpAddress<?> (<%s extends IpAddress<?>>)"
            + " so the layout can be specialized for IPv4 and IPv6"),
    TOO_MANY_TYPE_PARAMETERS("layout %s declares %s type parameters: a layout may have one, its IP address type"),
    BAD_ENUM("open enum %s of field %s() needs %s"),
    NAME_CLASH("field %s() clashes with the generated member %s: rename the field"),
    BAD_HEADER_ATTRIBUTE("@Header on %s: %s"),
    LAYOUT_EXTENDS("layout %s must not extend other interfaces: its own abstract methods are all its fields"),
    LAYOUT_PRIVATE("layout %s must not be private, nor nested in a private class: the generated view in the same"
            + " package implements it"),
    DUPLICATE_GENERATED_NAME("layout %s would generate %s, which the layout %s already generates: give one of them"
            + " another @Header(name)"),
    // Variants chosen by a type field (@Variants, @Variant).
    VARIANTS_NOT_A_NUMBER("@Variants on %s(): the type field that selects the variant is an int or an open enum of at"
            + " most 31 bits without another role (it is %s)"),
    VARIANTS_TWICE("%s() is a second @Variants field: a layout has one type field (the first is %s())"),
    VARIANTS_EMPTY("@Variants on %s() lists no variant: add @Variant(name, value, layout) for each message type"),
    VARIANTS_UNSUPPORTED("@Variants on %s() cannot be combined with @%s on %s() (not supported): the variant follows"
            + " the fixed fields, so a layout with variants has no @HeaderLength, @TotalLength, @Options or optional"
            + " fields"),
    VARIANT_ODD_OFFSET("the variants of %s() start at byte %s, which is odd: the checksum %s() covers them in 16-bit"
            + " words, so the header before them must be an even number of bytes"),
    VARIANT_BAD_NAME("@Variant(name = \"%s\") on %s(): %s"),
    VARIANT_NO_VALUE("@Variant(name = \"%s\") on %s() has no value: give the type values that select it"),
    VARIANT_OUT_OF_RANGE("@Variant(name = \"%s\") on %s(): value %s does not fit in the %s unsigned bits of %s()"),
    VARIANT_DUPLICATE_VALUE("@Variant(name = \"%s\") on %s(): value %s already selects the variant %s: each value"
            + " selects one variant"),
    VARIANT_NOT_A_LAYOUT("@Variant(name = \"%s\") on %s(): %s is not a layout: a variant is an interface annotated"
            + " @Header"),
    VARIANT_NOT_FIXED("@Variant(name = \"%s\") on %s(): the layout %s %s: a variant is a layout of fixed fields"
            + " without a checksum or type parameter (the selecting header's checksum covers it)"),
    VALUE_SET_NOT_AN_INTERFACE("@ValueSet applies to interfaces without type parameters only: declare %s as an"
            + " interface whose int constants are the values"),
    VALUE_SET_BITS("@ValueSet(bits = %s) on %s is out of range: the numbers of a value set are 1 to 32 bits"),
    VALUE_SET_NAME("value set %s cannot generate a class named \"%s\": end the interface's name in s (EtherTypes"
            + " generates EtherType) or set @ValueSet(name) to a Java name other than the interface's"),
    VALUE_SET_NOT_A_VALUE("%s in value set %s is not a value: declare each value as an int constant"
            + " (int IPV4 = 0x0800;) and helpers as default methods"),
    VALUE_SET_OUT_OF_RANGE("value %s = %s does not fit in the %s unsigned bits of value set %s"),
    VALUE_SET_DUPLICATE("value %s = %s repeats the number of %s: each number has one name in value set %s"),
    VALUE_SET_NAME_CLASH("%s in value set %s clashes with the generated member %s: rename it"),
    // Repeated groups (@Repeated)
    REPEATED_REQUIRED("field %s() has type %s: add @Repeated(count = \"...\" or until = \"...\", max = n) to say"
            + " how many elements the group holds"),
    REPEATED_TYPE("repeated group %s() has type %s: a group is a List of Ipv4Address, Ipv6Address or a @Header layout"
            + " of fixed size"),
    REPEATED_ELEMENT_NOT_FIXED("the elements of %s() are %s, which is not a layout of fixed size (%s): an element"
            + " layout holds fixed fields only (not supported yet: lengths, options, optional fields, groups)"),
    REPEATED_NO_BOUND("repeated group %s() needs a bound: set max to the most elements a parser accepts (1 or more)"),
    REPEATED_HOW("repeated group %s() needs exactly one of count (the earlier field that counts the elements) and"
            + " until (the element's flag that marks the last one)"),
    REPEATED_COUNT_NO_FIELD("@Repeated(count = \"%s\") on %s() names no field: name the int or long field, declared"
            + " before it, that counts the elements"),
    REPEATED_COUNT_NOT_NUMBER("@Repeated(count = \"%s\") on %s() names %s(), which is not a count: a count is a fixed"
            + " int or long field without @Const, @Reserved or another role"),
    REPEATED_COUNT_AFTER("@Repeated(count = \"%s\") on %s() names a field declared after it: declare the count among"
            + " the fixed fields, before the group"),
    REPEATED_UNTIL_NOT_LAYOUT("@Repeated(until = \"%s\") on %s() needs elements that are a layout holding that flag,"
            + " not %s"),
    REPEATED_UNTIL_NO_FLAG("@Repeated(until = \"%s\") on %s() names no flag of %s: name a 1-bit boolean field of the"
            + " element layout, without @Const or another role"),
    REPEATED_COUNT_OFFSET("@Repeated(countOffset = %s) on %s() is negative: the elements are the count field's value"
            + " plus countOffset, which must never be below zero (SRH's Last Entry: countOffset = 1)"),
    REPEATED_NOT_LAST("repeated group %s() must be the last field: its elements follow the fixed fields"),
    REPEATED_ANNOTATION_ON_FIELD("@Repeated on %s() applies to List fields only: a %s field is not a group"),
    REPEATED_UNSUPPORTED("@%s on %s() cannot be combined with the repeated group %s() (not supported)"),
    VALUE_SET_DUPLICATE_CLASS("value set %s would generate %s, which the value set %s already generates: give one of"
            + " them another @ValueSet(name)"),
    // Byte order chosen at parse time (@Header(order = Endian.AT_PARSE), @ByteOrderMark).
    PARSE_ORDER_UNSUPPORTED("@%s on %s() is not supported in a layout whose byte order is chosen at parse time"
            + " (order = AT_PARSE): declare checksums, options and optional fields in a layout of a fixed order"),
    PARSE_ORDER_PACKED("field %s() is %s bits at bit %s: in a layout whose byte order is chosen at parse time"
            + " every field is whole bytes on a byte boundary, since packed bits mean different things in the two"
            + " orders (declare the packed word as one field and take it apart in helper methods)"),
    BYTE_ORDER_MARK_NEEDS_PARSE_ORDER("@ByteOrderMark on %s() needs a layout whose byte order is chosen at parse"
            + " time: set @Header(order = Endian.AT_PARSE)"),
    BYTE_ORDER_MARK_SHAPE("byte-order mark %s() must be a @Const int or long field of 16, 32 or 64 bits on a byte"
            + " boundary (it is %s bits at bit %s%s)"),
    BYTE_ORDER_MARK_SYMMETRIC("byte-order mark %s() has @Const(%s), whose bytes read the same in both orders and"
            + " so cannot tell them apart: choose a value such as pcapng's 0x1A2B3C4D"),
    // Checksum coverage given by a field (@Checksum(coverage), UDP-Lite):
    COVERAGE_UNKNOWN_FIELD("checksum %s() names coverage field \"%s\", which the layout does not have: name one of"
            + " its fields, such as checksumCoverage"),
    COVERAGE_FIELD_SHAPE("coverage field %s() of checksum %s() must be a plain unsigned int of whole bytes, such as"
            + " @Bits(16) int %s(): not the checksum, a constant, a length, reserved, optional or signed"),
    COVERAGE_NOT_OVER_BODY("checksum %s() has a coverage field, but covers = %s: a coverage counts bytes of header"
            + " and body, so use HEADER_AND_BODY or PSEUDO_HEADER_AND_BODY"),
    COVERAGE_ZERO_MEANS_NONE("checksum %s() has a coverage field and zeroMeansNoneOverIpv4: a checksum with a"
            + " coverage is mandatory (RFC 3828), so remove zeroMeansNoneOverIpv4"),
    COVERAGE_OPTIONAL("checksum %s() has a coverage field but is optional (@PresentIf): a coverage needs a checksum"
            + " every header carries"),
    // Option formats declared by @OptionHeader, and the @Options fields that name them.
    OPTION_HEADER_NOT_AN_INTERFACE("@OptionHeader applies to interfaces only: declare %s as an interface whose"
            + " abstract methods are the fields of the option's header"),
    OPTION_FIELD_TYPE("option header field %s() must be an int with @Bits(1 to 32) or a boolean"),
    OPTION_KIND_MISSING("option header %s has no kind: mark its kind field (or adjacent fields, such as GENEVE's"
            + " class and type) @OptionKind"),
    OPTION_KIND_NOT_ADJACENT("@OptionKind field %s() does not follow the kind field %s(): the fields of one kind"
            + " must be adjacent"),
    OPTION_KIND_WIDTH("the kind ending at %s() is %s bits: a kind is 1 to 24 bits within 4 bytes"),
    OPTION_LENGTH_MISSING("option header %s has no length: mark its length field @OptionLength(unit = ..., counts"
            + " = ...)"),
    OPTION_LENGTH_DUPLICATE("@OptionLength field %s(): the header already has the length field %s()"),
    OPTION_LENGTH_UNIT("length field %s() must say its unit, the bytes each count stands for: @OptionLength(unit ="
            + " 1, 2, 4 or 8), not %s"),
    OPTION_LENGTH_WIDTH("length field %s() is %s bits: a length is 1 to 16 bits within 4 bytes"),
    OPTION_LITTLE_ENDIAN_FIELD("field %s() at bit %s, %s bits wide, cannot be read little-endian: in a little-endian"
            + " option header the kind and length are whole bytes on byte boundaries"),
    OPTION_HEADER_SIZE("the fields of option header %s add up to %s bits: an option header is 1 to 8 whole bytes"),
    OPTION_HEADER_RULE("@OptionHeader on %s: %s"),
    OPTIONS_NOT_AN_OPTION_HEADER("@Options(%s.class) on %s() must name an interface annotated @OptionHeader, which"
            + " declares the option format"),
    OPTIONS_LENGTH_NOT_DERIVABLE("@HeaderLength on %s() counts %s-byte units from byte %s, but %s pads its options"
            + " to a multiple of %s bytes: a builder could not derive a length that covers them; pick a format"
            + " whose regionAlignment is a multiple of the unit");

    private final String template;

    Message(String template) {
        this.template = template;
    }

    String format(Object... args) {
        return String.format(template, args);
    }
}
