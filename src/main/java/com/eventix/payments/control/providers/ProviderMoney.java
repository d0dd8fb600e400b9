package com.eventix.payments.control.providers;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * Amounts of one currency as a provider API writes them: whole numbers of minor units. Conversion is exact both ways:
 * an amount that does not fit is refused, never rounded.
 *
 * <p>Two numbers describe a provider's rule, because they can differ: the {@code exponent} (how many decimal places
 * the API's integer carries, e.g. Stripe writes ISK with 2) and the {@code precision} (how many decimal places an
 * amount may actually have, e.g. whole krona only).
 */
public final class ProviderMoney {
    private final Currency currency;
    private final int exponent;
    private final int precision;

    private ProviderMoney(Currency currency, int exponent, int precision) {
        this.currency = currency;
        this.exponent = exponent;
        this.precision = precision;
    }

    /** The ISO 4217 rule: the currency's own minor unit (USD 2, JPY 0, KWD 3). */
    public static ProviderMoney iso(String currencyCode) {
        Currency currency = currency(currencyCode);
        int digits = currency.getDefaultFractionDigits();
        return new ProviderMoney(currency, digits, digits);
    }

    /** A provider's own rule for the currency. */
    public static ProviderMoney of(String currencyCode, int exponent, int precision) {
        if (exponent < 0 || precision < 0 || precision > exponent) {
            throw new IllegalArgumentException("precision must lie within 0.." + exponent);
        }
        return new ProviderMoney(currency(currencyCode), exponent, precision);
    }

    /** The ISO 4217 currency of a code (either case); INVALID_CURRENCY when there is no such currency. */
    public static Currency currency(String currencyCode) {
        try {
            Currency currency = Currency.getInstance(currencyCode.trim().toUpperCase(Locale.ROOT));
            if (currency.getDefaultFractionDigits() < 0) {
                throw new IllegalArgumentException("not a currency of payments");
            }
            return currency;
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ApiException(ErrorCode.INVALID_CURRENCY, "Unknown currency", Map.of("currency",
                    String.valueOf(currencyCode)));
        }
    }

    /** The upper-case ISO 4217 code. */
    public String currencyCode() {
        return currency.getCurrencyCode();
    }

    /** The amount in minor units; INVALID_AMOUNT unless it is positive and fits exactly. */
    public long toMinorUnits(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw invalid("The amount must be positive", amount);
        }
        if (amount.stripTrailingZeros().scale() > precision) {
            throw invalid("The amount has more decimal places than " + currencyCode() + " allows (" + precision + ")",
                    amount);
        }
        try {
            return amount.movePointRight(exponent).longValueExact();
        } catch (ArithmeticException e) {
            throw invalid("The amount is too large", amount);
        }
    }

    /** The exact amount of a number of minor units, written with the currency's ISO decimal places when it fits. */
    public BigDecimal fromMinorUnits(long minorUnits) {
        BigDecimal amount = BigDecimal.valueOf(minorUnits, exponent);
        int isoDigits = currency.getDefaultFractionDigits();
        return amount.stripTrailingZeros().scale() <= isoDigits
                ? amount.setScale(isoDigits, RoundingMode.UNNECESSARY)
                : amount;
    }

    private ApiException invalid(String message, BigDecimal amount) {
        return new ApiException(ErrorCode.INVALID_AMOUNT, message, Map.of("amount", String.valueOf(amount),
                "currency", currencyCode()));
    }
}
