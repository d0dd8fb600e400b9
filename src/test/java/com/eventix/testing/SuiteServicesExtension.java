package com.eventix.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Starts {@link SuiteServices} before Arquillian reads its container configuration. */
public class SuiteServicesExtension implements BeforeAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        SuiteServices.get();
    }
}
