package com.eventix.payments.control.providers;

import com.eventix.platform.api.ApiException;
import com.eventix.platform.api.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.StreamSupport;

/** Finds a payment provider by its name: every PaymentProvider bean of the application is one. */
@ApplicationScoped
public class PaymentProviders {
    private Iterable<PaymentProvider> providers = List.of();

    public PaymentProviders() {
    }

    PaymentProviders(Iterable<PaymentProvider> providers) {
        this.providers = providers;
    }

    @Inject
    void discover(Instance<PaymentProvider> all) {
        this.providers = all;
    }

    /** The provider of that name (case-insensitive); UNKNOWN_PAYMENT_PROVIDER when there is none. */
    public PaymentProvider byName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (PaymentProvider provider : providers) {
            if (provider.name().equals(wanted)) {
                return provider;
            }
        }
        // The name is not echoed: it comes from a URL anyone can call.
        throw new ApiException(ErrorCode.UNKNOWN_PAYMENT_PROVIDER, "Unknown payment provider",
                Map.of("known", names()));
    }

    /** The names of all providers, sorted. */
    public List<String> names() {
        return StreamSupport.stream(providers.spliterator(), false).map(PaymentProvider::name).sorted().toList();
    }
}
