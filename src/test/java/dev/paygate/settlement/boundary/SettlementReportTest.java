package dev.paygate.settlement.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SettlementReportTest {

    @Test
    void aFieldIsQuotedOnlyWhenRfc4180AsksForIt() {
        assertEquals("pay_abc", SettlementReport.field("pay_abc"));
        assertEquals("\"a,b\"", SettlementReport.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", SettlementReport.field("say \"hi\""));
        assertEquals("\"two\r\nlines\"", SettlementReport.field("two\r\nlines"));
    }

    @Test
    void aFeePercentIsWrittenPlainly() {
        assertEquals(
                "2.9",
                SettlementItemResponse.plain(new java.math.BigDecimal("2.9000")).toPlainString());
        assertEquals(
                "10",
                SettlementItemResponse.plain(new java.math.BigDecimal("10.0000"))
                        .toString());
        assertEquals(
                "0",
                SettlementItemResponse.plain(new java.math.BigDecimal("0.0000")).toString());
    }
}
