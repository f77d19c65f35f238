package dev.paygate.settlement.boundary;

import dev.paygate.settlement.entity.Settlement;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * A settlement's items as RFC 4180 CSV: CRLF line ends, one header row, a field quoted (its quotes
 * doubled) when it holds a comma, a quote or a line break. Amounts are written as in the API.
 */
final class SettlementReport {

    static final int PAGE = 1000;
    static final List<String> COLUMNS = List.of(
            "settlement_id",
            "settlement_date",
            "item_id",
            "type",
            "payment_id",
            "refund_id",
            "payment_method",
            "occurred_at",
            "currency",
            "amount",
            "fee",
            "net",
            "fee_percent",
            "fee_fixed");

    private SettlementReport() {}

    static void header(Writer out) throws IOException {
        line(out, COLUMNS);
    }

    static void row(Writer out, Settlement s, SettlementItemResponse i) throws IOException {
        line(
                out,
                List.of(
                        s.id(),
                        s.date().toString(),
                        i.id(),
                        i.type(),
                        i.paymentId(),
                        i.refundId() == null ? "" : i.refundId(),
                        i.paymentMethod(),
                        i.occurredAt().toString(),
                        s.currency(),
                        i.amount().toPlainString(),
                        i.fee().toPlainString(),
                        i.net().toPlainString(),
                        i.feePercent().toPlainString(),
                        i.feeFixed().toPlainString()));
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                out.write(',');
            }
            out.write(field(fields.get(f)));
        }
        out.write("\r\n");
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
