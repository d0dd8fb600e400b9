package com.eventix.payments.control.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentProvidersTest {
    final StripeProvider stripe = new StripeProvider();
    final PaystackProvider paystack = new PaystackProvider();
    final PaymentProviders providers = new PaymentProviders(List.of(stripe, paystack));

    @Test
    void findsAProviderByName() {
        assertThat(providers.byName("stripe")).isSameAs(stripe);
        assertThat(providers.byName("paystack")).isSameAs(paystack);
        assertThat(providers.byName(" Stripe ")).isSameAs(stripe);
        assertThat(providers.names()).containsExactly("paystack", "stripe");
    }

    @Test
    void anUnknownNameIsRefusedWithoutEchoingIt() {
        for (String name : new String[] {"paypal", "", null, "<script>"}) {
            ApiException e = catchThrowableOfType(ApiException.class, () -> providers.byName(name));
            assertThat(e.code()).isEqualTo(ErrorCode.UNKNOWN_PAYMENT_PROVIDER);
            assertThat(e.code().status()).isEqualTo(400);
            assertThat(e.getMessage()).doesNotContain("script");
            assertThat(e.details()).containsEntry("known", List.of("paystack", "stripe"));
        }
    }
}
