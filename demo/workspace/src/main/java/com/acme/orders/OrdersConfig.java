package com.acme.orders;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** Database and partner API settings for the orders service (demo: every credential here is fake). */
public final class OrdersConfig {
    private static final String JDBC_URL =
        "jdbc:postgresql://orders-db.internal.acme.dev:5432/orders?user=orders_app&password=Vq7Lm2Xc9RtBz4Kw";

    private static final String SHIPPING_API_KEY = "c1f8e27ab94d4f0c8e3b6a52d7f0e91c";

    // Not a secret: the name of the environment variable to read.
    private static final String API_KEY_ENV = "SHIPPING_API_KEY";

    private OrdersConfig() {}

    public static Connection connect() throws SQLException {
        return DriverManager.getConnection(JDBC_URL);
    }

    public static String shippingApiKey() {
        String fromEnv = System.getenv(API_KEY_ENV);
        return fromEnv != null ? fromEnv : SHIPPING_API_KEY;
    }
}
