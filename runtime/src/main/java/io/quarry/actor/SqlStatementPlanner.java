package io.quarry.actor;

import io.quarry.client.ResultColumn;
import io.quarry.connector.CatalogManager;
import io.quarry.connector.informationschema.InformationSchemaPushdown;
import io.quarry.plan.DistributedPlanner;
import io.quarry.plan.Fragmenter;
import io.quarry.plan.PlanNode;
import io.quarry.spi.ErrorCode;
import io.quarry.spi.QuarryException;
import io.quarry.spi.Session;
import io.quarry.sql.QueryPlan;
import io.quarry.sql.SqlPlanner;
import io.quarry.sql.SystemSessionProperties;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Plans statements with the SQL front end, then distributes and fragments the plan. */
public final class SqlStatementPlanner implements StatementPlanner {
    private final CatalogManager catalogs;
    private final SqlPlanner planner;
    private final WriteStatementPlanner writes;
    private final UtilityStatementPlanner utilities;

    public SqlStatementPlanner(CatalogManager catalogs) {
        this(catalogs, SqlPlanner.DEFAULT_PLAN_CACHE_SIZE);
    }

    /** A planner reusing at most {@code planCacheSize} recent plans (0: plans every statement afresh, for benchmarks). */
    public SqlStatementPlanner(CatalogManager catalogs, int planCacheSize) {
        this.catalogs = catalogs;
        this.planner = new SqlPlanner(new CatalogMetadataProvider(catalogs), planCacheSize);
        this.writes = new WriteStatementPlanner(catalogs, planner);
        this.utilities = new UtilityStatementPlanner(catalogs, planner);
    }

    @Override
    public PlannedQuery plan(String sql, Session session) {
        return plan(sql, session, StatementContext.EMPTY);
    }

    @Override
    public PlannedQuery plan(String sql, Session session, StatementContext context) {
        Optional<SessionClause> clause = SessionClause.strip(sql);
        if (clause.isPresent()) {
            Session querySession = withClause(clause.get(), session, context);
            return plan(clause.get().query(), querySession, context).runningWith(querySession);
        }
        for (Map.Entry<String, String> property : session.systemProperties().entrySet()) {
            SystemSessionProperties.validate(property.getKey(), property.getValue());
        }
        for (Map.Entry<String, Map<String, String>> catalog : session.catalogProperties().entrySet()) {
            for (String property : catalog.getValue().keySet()) {
                CatalogSessionProperties.check(catalogs.catalogNames(), catalog.getKey(), property);
            }
        }
        Optional<PlannedQuery> utility = utilities.plan(sql, session, context, this);
        if (utility.isPresent()) {
            return utility.get();
        }
        Optional<PlannedQuery> write = writes.plan(sql, session);
        if (write.isPresent()) {
            return write.get();
        }
        QueryPlan plan = planner.plan(sql, session);
        List<ResultColumn> columns = new ArrayList<>();
        for (int i = 0; i < plan.columnNames().size(); i++) {
            columns.add(new ResultColumn(plan.columnNames().get(i), plan.columnTypes().get(i)));
        }
        PlanNode root = InformationSchemaPushdown.apply(plan.root());
        return new PlannedQuery(columns, Fragmenter.fragment(DistributedPlanner.addExchanges(root)));
    }

    /** The session with the clause's properties, each checked and normalised as SET SESSION does it. */
    private Session withClause(SessionClause clause, Session session, StatementContext context) {
        Set<String> seen = new HashSet<>();
        Session updated = session;
        for (SessionClause.Property property : clause.properties()) {
            PlannedQuery set = utilities.plan(property.setSessionStatement(), session, context, this).orElseThrow();
            for (Map.Entry<String, String> value : set.sessionUpdates().setSessionProperties().entrySet()) {
                if (!seen.add(value.getKey())) {
                    throw new QuarryException(ErrorCode.INVALID_SESSION_PROPERTY, "Session property '" + value.getKey() + "' already set");
                }
                updated = updated.withSystemProperty(value.getKey(), value.getValue());
            }
        }
        return updated;
    }
}
