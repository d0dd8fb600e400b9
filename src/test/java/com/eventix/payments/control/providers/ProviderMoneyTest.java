package com.eventix.payments.control.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.math.BigDecimal;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ProviderMoneyTest {

    @Test
    void usdHasTwoDecimals() {
        ProviderMoney usd = ProviderMoney.iso("USD");
        assertThat(usd.toMinorUnits(new BigDecimal("25.00"))).isEqualTo(2500);
        assertThat(usd.toMinorUnits(new BigDecimal("25"))).isEqualTo(2500);
        assertThat(usd.toMinorUnits(new BigDecimal("0.01"))).isEqualTo(1);
        assertThat(usd.toMinorUnits(new BigDecimal("10.010"))).isEqualTo(1001);
        assertThat(usd.fromMinorUnits(2500)).isEqualTo(new BigDecimal("25.00"));
        assertThat(usd.fromMinorUnits(1)).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void jpyHasNoDecimals() {
        ProviderMoney jpy = ProviderMoney.iso("JPY");
        assertThat(jpy.toMinorUnits(new BigDecimal("5000"))).isEqualTo(5000);
        assertThat(jpy.toMinorUnits(new BigDecimal("5000.00"))).isEqualTo(5000);
        assertThat(jpy.fromMinorUnits(5000)).isEqualTo(new BigDecimal("5000"));
        refused(ErrorCode.INVALID_AMOUNT, () -> jpy.toMinorUnits(new BigDecimal("5000.5")));
    }

    @Test
    void refusesWhatDoesNotFitInsteadOfRounding() {
        refused(ErrorCode.INVALID_AMOUNT, () -> ProviderMoney.iso("USD").toMinorUnits(new BigDecimal("10.005")));
        refused(ErrorCode.INVALID_AMOUNT, () -> StripeProvider.money("USD").toMinorUnits(new BigDecimal("10.005")));
        refused(ErrorCode.INVALID_AMOUNT, () -> PaystackProvider.money("NGN").toMinorUnits(new BigDecimal("10.005")));
    }

    @Test
    void refusesNothingNegativeAndHuge() {
        ProviderMoney usd = ProviderMoney.iso("USD");
        refused(ErrorCode.INVALID_AMOUNT, () -> usd.toMinorUnits(BigDecimal.ZERO));
        refused(ErrorCode.INVALID_AMOUNT, () -> usd.toMinorUnits(new BigDecimal("-1.00")));
        refused(ErrorCode.INVALID_AMOUNT, () -> usd.toMinorUnits(null));
        refused(ErrorCode.INVALID_AMOUNT, () -> usd.toMinorUnits(new BigDecimal("1e20")));
    }

    @Test
    void refusesUnknownCurrencies() {
        refused(ErrorCode.INVALID_CURRENCY, () -> ProviderMoney.iso("ABC"));
        refused(ErrorCode.INVALID_CURRENCY, () -> ProviderMoney.iso("XXX"));
        refused(ErrorCode.INVALID_CURRENCY, () -> ProviderMoney.iso(null));
        assertThat(ProviderMoney.iso("usd").currencyCode()).isEqualTo("USD");
    }

    @Test
    void stripeUsesItsOwnMinorUnits() {
        assertThat(StripeProvider.money("usd").toMinorUnits(new BigDecimal("19.99"))).isEqualTo(1999);
        assertThat(StripeProvider.money("JPY").toMinorUnits(new BigDecimal("500"))).isEqualTo(500);
        assertThat(StripeProvider.money("KRW").toMinorUnits(new BigDecimal("15000"))).isEqualTo(15000);
        // MGA has decimals in ISO 4217 but none at Stripe.
        assertThat(StripeProvider.money("MGA").toMinorUnits(new BigDecimal("1000"))).isEqualTo(1000);
        refused(ErrorCode.INVALID_AMOUNT, () -> StripeProvider.money("MGA").toMinorUnits(new BigDecimal("1000.20")));
        // ISK: two decimals on the wire, whole krona only.
        assertThat(StripeProvider.money("ISK").toMinorUnits(new BigDecimal("5"))).isEqualTo(500);
        assertThat(StripeProvider.money("ISK").fromMinorUnits(500)).isEqualTo(new BigDecimal("5"));
        refused(ErrorCode.INVALID_AMOUNT, () -> StripeProvider.money("ISK").toMinorUnits(new BigDecimal("5.50")));
        // Three-decimal currencies with a last digit of 0.
        assertThat(StripeProvider.money("KWD").toMinorUnits(new BigDecimal("5.12"))).isEqualTo(5120);
        assertThat(StripeProvider.money("KWD").fromMinorUnits(5120)).isEqualTo(new BigDecimal("5.120"));
        refused(ErrorCode.INVALID_AMOUNT, () -> StripeProvider.money("KWD").toMinorUnits(new BigDecimal("5.124")));
    }

    @Test
    void paystackTakesItsCurrenciesInHundredths() {
        for (String currency : new String[] {"NGN", "GHS", "ZAR", "KES", "USD"}) {
            assertThat(PaystackProvider.money(currency).toMinorUnits(new BigDecimal("2500.50"))).as(currency)
                    .isEqualTo(250050);
        }
        assertThat(PaystackProvider.money("NGN").fromMinorUnits(250050)).isEqualTo(new BigDecimal("2500.50"));
        refused(ErrorCode.INVALID_CURRENCY, () -> PaystackProvider.money("EUR"));
        refused(ErrorCode.INVALID_CURRENCY, () -> PaystackProvider.money("JPY"));
    }

    @Test
    void readsOddProviderAmountsExactly() {
        // A provider answer that does not fit the ISO scale is kept exact, not rounded.
        assertThat(StripeProvider.money("ISK").fromMinorUnits(550)).isEqualTo(new BigDecimal("5.50"));
        assertThat(ProviderMoney.of("USD", 3, 2).fromMinorUnits(10005)).isEqualTo(new BigDecimal("10.005"));
    }

    private static void refused(ErrorCode code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(code);
    }
}
