package io.quarry.examples.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.Properties;

/**
 * Queries a running Quarry server with the unmodified Trino JDBC driver:
 * {@code jdbc:trino://127.0.0.1:8080/tpch/tiny}. Start a server first ({@code bin/quarry server}).
 */
public final class JdbcClient {
    private JdbcClient() {}

    public static void main(String[] args) throws Exception {
        String url = args.length > 0 ? args[0] : "jdbc:trino://127.0.0.1:8080/tpch/tiny";
        Properties properties = new Properties();
        properties.setProperty("user", System.getProperty("user.name", "example"));
        try (Connection connection = DriverManager.getConnection(url, properties);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT orderpriority, count(*) AS orders FROM orders GROUP BY orderpriority ORDER BY 1")) {
            ResultSetMetaData metadata = rows.getMetaData();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= metadata.getColumnCount(); i++) {
                    line.append(i == 1 ? "" : " | ").append(rows.getObject(i));
                }
                System.out.println(line);
            }
        }
    }
}
