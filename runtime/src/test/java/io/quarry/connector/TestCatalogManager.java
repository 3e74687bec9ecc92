package io.quarry.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarry.connector.informationschema.InformationSchemaConnector;
import io.quarry.connector.tpch.TpchConnector;
import io.quarry.spi.Connector;
import io.quarry.spi.ConnectorContext;
import io.quarry.spi.ConnectorFactory;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestCatalogManager {
    @Test
    void createsOneConnectorPerCatalog() {
        CatalogManager manager = CatalogManager.withBuiltInConnectors(List.of(
                new CatalogEntry("tpch", "tpch", Map.of()),
                new CatalogEntry("tpch_standard", "tpch", Map.of("tpch.column-naming", "STANDARD"))));

        assertThat(manager.catalogNames()).containsExactly("tpch", "tpch_standard");
        // each catalog's connector, with the catalog's information_schema added
        assertThat(manager.connector("tpch")).containsInstanceOf(InformationSchemaConnector.class);
        assertThat(((InformationSchemaConnector) manager.require("tpch_standard")).delegate()).isInstanceOf(TpchConnector.class);
        assertThat(manager.require("tpch").metadata().listSchemas()).contains("tiny", "information_schema");
        assertThat(manager.connector("tpch")).isNotEqualTo(manager.connector("tpch_standard"));
        assertThat(manager.warnings()).isEmpty();
    }

    @Test
    void skipsCatalogsOfUnknownConnectors() {
        CatalogManager manager = CatalogManager.withBuiltInConnectors(List.of(
                new CatalogEntry("hive", "hive-hadoop2", Map.of("hive.metastore.uri", "thrift://x:9083")),
                new CatalogEntry("tpch", "tpch", Map.of())));

        assertThat(manager.catalogNames()).containsExactly("tpch");
        assertThat(manager.connector("hive")).isEmpty();
        assertThat(manager.warnings())
                .containsExactly("Catalog 'hive' uses connector 'hive-hadoop2', which does not exist; skipped");
    }

    @Test
    void requireOfUnknownCatalogIsCatalogNotFound() {
        CatalogManager manager = CatalogManager.withBuiltInConnectors(List.of());

        assertThatThrownBy(() -> manager.require("nope"))
                .isInstanceOfSatisfying(QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CATALOG_NOT_FOUND))
                .hasMessage("Catalog 'nope' does not exist");
    }

    @Test
    void badPropertiesOfAKnownConnectorAreFatal() {
        assertThatThrownBy(() -> CatalogManager.withBuiltInConnectors(
                        List.of(new CatalogEntry("tpch", "tpch", Map.of("tpch.column-naming", "fancy")))))
                .isInstanceOfSatisfying(
                        QuarryException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFIGURATION_INVALID))
                .hasMessageContaining("tpch.column-naming");
    }

    @Test
    void duplicateCatalogNamesAreRejected() {
        assertThatThrownBy(() -> CatalogManager.withBuiltInConnectors(List.of(
                        new CatalogEntry("tpch", "tpch", Map.of()), new CatalogEntry("tpch", "tpch", Map.of()))))
                .isInstanceOf(QuarryException.class)
                .hasMessageContaining("'tpch'");
    }

    @Test
    void passesCatalogNameAndPropertiesToTheFactory() {
        RecordingFactory factory = new RecordingFactory();
        new CatalogManager(
                List.of(new CatalogEntry("mine", "recording", Map.of("a", "1"))), List.of(factory), ConnectorContext.EMPTY);

        assertThat(factory.catalogName).isEqualTo("mine");
        assertThat(factory.properties).isEqualTo(Map.of("a", "1"));
    }

    @Test
    void builtInConnectorsIncludeTpch() {
        assertThat(BuiltInConnectors.factories()).extracting(ConnectorFactory::name).contains("tpch");
    }

    private static final class RecordingFactory implements ConnectorFactory {
        String catalogName;
        Map<String, String> properties;

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public Connector create(String catalogName, Map<String, String> properties, ConnectorContext context) {
            this.catalogName = catalogName;
            this.properties = properties;
            return new TpchConnector(io.quarry.connector.tpch.TpchColumnNaming.SIMPLIFIED);
        }
    }
}
