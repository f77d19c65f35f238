package dev.paygate.platform;

/**
 * Finds a card number written into text where it does not belong (a description, a name, an
 * idempotency key), so that the request is refused instead of the number stored, as Stripe does.
 *
 * <p>A card number here is 13 to 19 ASCII digits, starting with 2 to 9, that pass the Luhn check,
 * written together or in groups of at least three digits joined by single spaces or by single
 * dashes (one kind throughout), as people type them: {@code 4111111111111111},
 * {@code 4111 1111 1111 1111}, {@code 3782-822463-10005}. Letters or other marks around the digits
 * do not matter ({@code INV4111111111111111} is refused). Not card numbers: fewer than 13 digits,
 * more than 19 digits written together (a long reference), digits that fail Luhn, and numbers
 * starting with 0 or 1: no card network issues those (ISO/IEC 7812 gives 0 to industry-internal
 * use and 1 to airlines), while zero-padded references ({@code 0000000000042}) and millisecond or
 * nanosecond timestamps ({@code 1764676800000}) start so. One in ten other runs of 13 to 19
 * digits passes Luhn by chance: a field that holds such numbers is better given shorter ones.
 */
public final class CardNumberInText {

    public static final String CODE = "card_number_in_text";
    /** Follows the parameter's name; never quotes the value. */
    public static final String MESSAGE = "looks like it holds a card number; card numbers are accepted only in a "
            + "payment's card_number, never in other fields";

    static final int MIN_DIGITS = 13;
    static final int MAX_DIGITS = 19;
    /** Shortest group of a card number typed with separators (Amex's 4-6-5, 19 digits' 4-4-4-4-3). */
    static final int MIN_GROUP = 3;
    /** Groups of at least MIN_GROUP digits: at most this many fit in MAX_DIGITS. */
    private static final int MAX_GROUPS = MAX_DIGITS / MIN_GROUP;

    private CardNumberInText() {}

    public static boolean found(CharSequence text) {
        if (text == null || text.length() < MIN_DIGITS) {
            return false;
        }
        // The last groups of digits joined by one kind of separator, oldest first: start and end.
        int[] starts = new int[MAX_GROUPS];
        int[] ends = new int[MAX_GROUPS];
        int chained = 0;
        char separator = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            int length = i - start;
            if (length > MAX_DIGITS) {
                chained = 0;
                continue;
            }
            if (length >= MIN_DIGITS && card(text, start, i)) {
                return true;
            }
            if (length < MIN_GROUP) {
                chained = 0;
                continue;
            }
            boolean joined = chained > 0 && start - ends[chained - 1] == 1;
            char between = joined ? text.charAt(start - 1) : 0;
            if (!joined || (between != ' ' && between != '-')) {
                chained = 0;
            } else if (chained > 1 && between != separator) {
                // Another kind of separator: a new chain that begins with the previous group.
                starts[0] = starts[chained - 1];
                ends[0] = ends[chained - 1];
                chained = 1;
            }
            separator = between;
            if (chained == MAX_GROUPS) {
                System.arraycopy(starts, 1, starts, 0, chained - 1);
                System.arraycopy(ends, 1, ends, 0, chained - 1);
                chained--;
            }
            starts[chained] = start;
            ends[chained] = i;
            chained++;
            // Every span of two or more groups that ends with this one.
            int digits = length;
            for (int first = chained - 2; first >= 0; first--) {
                digits += ends[first] - starts[first];
                if (digits > MAX_DIGITS) {
                    break;
                }
                if (digits >= MIN_DIGITS && card(text, starts[first], i)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the digits in {@code [from, to)}, separators skipped, could be a card number. */
    private static boolean card(CharSequence text, int from, int to) {
        return text.charAt(from) >= '2' && luhnValid(text, from, to);
    }

    /** The Luhn check over the digits of {@code text} from {@code from} to {@code to}, other characters skipped. */
    public static boolean luhnValid(CharSequence text, int from, int to) {
        int sum = 0;
        boolean doubled = false;
        for (int i = to - 1; i >= from; i--) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                continue;
            }
            int d = c - '0';
            if (doubled) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
