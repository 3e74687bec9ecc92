-- Query shapes on tpch.tiny (catalog tpch, schema tiny), one statement a line, compared line by line with Trino 476.
-- Known differences: a scalar aggregate over UNNEST of an outer column does not keep the outer rows' order without ORDER BY; SELECT * over UNNEST of an array of rows beside another array without column aliases is AMBIGUOUS_NAME (EXPR$1 twice); SELECT x FROM UNNEST(...) AS x runs where Trino fails; a JOIN between UNNESTs with a condition other than ON TRUE runs where Trino says NOT_SUPPORTED; a correlated LATERAL sub-query with ORDER BY and LIMIT over UNNEST of outer columns is NOT_SUPPORTED (Trino runs it); EXCEPT/INTERSECT and some VALUES without ORDER BY return rows in another order; map_agg lists its keys in another order; some correlated sub-queries Trino rejects run (filters on outer columns inside a sub-query over UNNEST, ORDER BY/LIMIT or HAVING in a correlated scalar sub-query, UNION ALL over outer columns in LATERAL); window functions and ordered aggregates: the sort keys of an ORDER BY inside an aggregate whose result it cannot change (sum(x ORDER BY y)) are not checked, so an unknown column there runs; ORDER BY inside a call that is no aggregate (abs, rank, lag) or of a quoted aggregate name ("sum"(x ORDER BY y)) is a SYNTAX_ERROR (Trino: FUNCTION_NOT_AGGREGATE, FUNCTION_NOT_FOUND, NOT_SUPPORTED; the quoted call runs); lag/lead of a char(n) value with a varchar default is varchar(n) (Trino: char(n)); sum(varchar) over a RANGE frame with an offset on a varchar key is FUNCTION_NOT_FOUND (Trino checks the frame first: TYPE_MISMATCH).
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, arr) LEFT JOIN UNNEST(t.arr) AS u(x) ON true ORDER BY n, x
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, CAST(NULL AS array(integer)))) t(n, arr) LEFT JOIN UNNEST(t.arr) AS u(x) ON true ORDER BY n, x
SELECT a, b FROM UNNEST(ARRAY[1,2,3], ARRAY['a']) AS u(a, b)
SELECT n, a, b FROM (VALUES 1) t(n) CROSS JOIN UNNEST(ARRAY[1,2,3], ARRAY['a']) AS u(a, b)
SELECT x, o FROM UNNEST(ARRAY['a','b','c']) WITH ORDINALITY AS u(x, o)
SELECT n, x, o FROM (VALUES (1, ARRAY[10,20]), (2, ARRAY[30])) t(n, arr) CROSS JOIN UNNEST(arr) WITH ORDINALITY AS u(x, o) ORDER BY n, o
SELECT k, v FROM UNNEST(MAP(ARRAY['a','b'], ARRAY[1,2])) AS u(k, v) ORDER BY k
SELECT n, k, v FROM (VALUES (1, MAP(ARRAY['a','b'], ARRAY[1,2]))) t(n, m) CROSS JOIN UNNEST(m) AS u(k, v) ORDER BY k
SELECT * FROM UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')]) AS u(i, s)
SELECT * FROM UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')])
SELECT n, i, s FROM (VALUES 1) t(n) CROSS JOIN UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')]) AS u(i, s)
SELECT n, x FROM (VALUES (1, ARRAY[1,2])) t(n, arr), UNNEST(arr) AS u(x) ORDER BY x
SELECT n, x FROM (VALUES (1, ARRAY[1,2])) t(n, arr), UNNEST(arr) u(x) ORDER BY x
SELECT (SELECT sum(x) FROM UNNEST(arr) AS u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[5])) t(n, arr) ORDER BY 1
SELECT count(*) FROM (SELECT x FROM UNNEST(ARRAY[1,2,3]) AS u(x)) s
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, arr) LEFT JOIN UNNEST(arr) AS u(x) ON true ORDER BY n, x
SELECT n, x, o FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, arr) LEFT JOIN UNNEST(arr) WITH ORDINALITY AS u(x, o) ON true ORDER BY n, x
SELECT x FROM UNNEST(ARRAY[1, NULL, 3]) AS u(x)
SELECT * FROM UNNEST(ARRAY[1,2], MAP(ARRAY['a'], ARRAY[true])) AS u(x, k, v)
SELECT * FROM UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')], ARRAY[5]) WITH ORDINALITY
SELECT u.x FROM UNNEST(ARRAY[1]) u(x)
SELECT x FROM UNNEST(ARRAY[1,2]) AS x
SELECT t.x FROM UNNEST(ARRAY[1,2]) AS t(x) WHERE x > 1
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[3])) t(n, arr) LEFT JOIN UNNEST(arr) AS u(x) ON x > 1 ORDER BY n, x
SELECT r.name, count(*) FROM region r CROSS JOIN UNNEST(ARRAY[1,2,3]) AS u(x) GROUP BY r.name ORDER BY 1
SELECT n.name, x FROM nation n CROSS JOIN UNNEST(split(n.comment, ' ')) AS u(x) WHERE n.nationkey = 0 ORDER BY x LIMIT 3
SELECT n.name, cardinality(array_agg(x)) FROM nation n LEFT JOIN UNNEST(filter(split(n.name, 'A'), s -> s = 'XYZ')) AS u(x) ON true GROUP BY n.name ORDER BY 1 LIMIT 3
SELECT n.name, l.cnt FROM nation n, LATERAL (SELECT count(*) cnt FROM region r WHERE r.regionkey = n.regionkey) l ORDER BY 1 LIMIT 3
SELECT n.name, l.rname FROM nation n CROSS JOIN LATERAL (SELECT r.name rname FROM region r WHERE r.regionkey = n.regionkey) l ORDER BY 1 LIMIT 3
SELECT n.name, l.rname FROM nation n LEFT JOIN LATERAL (SELECT r.name rname FROM region r WHERE r.regionkey = n.regionkey AND r.regionkey > 2) l ON true ORDER BY 1 LIMIT 5
SELECT n.name, l.k FROM nation n JOIN LATERAL (SELECT n.nationkey * 2 AS k) l ON true ORDER BY 1 LIMIT 3
SELECT n.name FROM nation n WHERE EXISTS (SELECT 1 FROM region r WHERE r.regionkey = n.regionkey AND r.name LIKE 'A%' AND n.nationkey > r.regionkey) ORDER BY 1
SELECT (SELECT name FROM region WHERE regionkey > n.regionkey) FROM nation n WHERE n.nationkey = 0
SELECT (SELECT name FROM region) FROM nation n WHERE n.nationkey = 0
SELECT (SELECT name FROM region WHERE regionkey = n.regionkey) FROM nation n WHERE n.nationkey = 0
SELECT n.name, (SELECT max(r.name) FROM region r WHERE r.regionkey <= n.regionkey) FROM nation n ORDER BY 1 LIMIT 3
SELECT n.name, (SELECT r.name FROM region r WHERE r.regionkey <= n.regionkey ORDER BY r.name LIMIT 1) FROM nation n ORDER BY 1 LIMIT 3
SELECT n.name FROM nation n WHERE n.regionkey = (SELECT min(regionkey) FROM region r WHERE r.regionkey >= n.nationkey) ORDER BY 1
SELECT regionkey, count(*) FROM nation n GROUP BY regionkey HAVING count(*) > (SELECT count(*) FROM region r WHERE r.regionkey < n.regionkey) ORDER BY 1
SELECT n.name, r.name FROM nation n JOIN region r ON r.regionkey = n.regionkey AND EXISTS (SELECT 1 FROM supplier s WHERE s.nationkey = n.nationkey AND s.acctbal > 9000) ORDER BY 1
SELECT x FROM (VALUES 1, 2, NULL) t(x) WHERE x IN (SELECT y FROM (VALUES 1, NULL) s(y))
SELECT x FROM (VALUES 1, 2, NULL) t(x) WHERE x NOT IN (SELECT y FROM (VALUES 1, NULL) s(y))
SELECT x FROM (VALUES 1, 2, NULL) t(x) WHERE x NOT IN (SELECT y FROM (VALUES 1) s(y))
SELECT x, x IN (SELECT y FROM (VALUES 1, NULL) s(y)) FROM (VALUES 1, 2, NULL) t(x) ORDER BY 1
SELECT x, x NOT IN (SELECT y FROM (VALUES 1) s(y)) FROM (VALUES 1, 2, NULL) t(x) ORDER BY 1
SELECT x, x IN (SELECT y FROM (VALUES 1) s(y) WHERE y > 5) FROM (VALUES 1, NULL) t(x) ORDER BY 1
SELECT n.name FROM nation n WHERE NOT EXISTS (SELECT 1 FROM supplier s WHERE s.nationkey = n.nationkey AND s.acctbal > 9900) ORDER BY 1 LIMIT 3
SELECT n.name, (SELECT count(*) FROM supplier s WHERE s.nationkey = n.nationkey) c FROM nation n ORDER BY 2 DESC, 1 LIMIT 3
SELECT n.name FROM nation n WHERE n.nationkey IN (SELECT s.nationkey FROM supplier s WHERE s.acctbal > n.regionkey * 2000) ORDER BY 1 LIMIT 3
SELECT n.name, EXISTS (SELECT 1 FROM region r WHERE r.regionkey = n.regionkey AND r.name = 'ASIA') FROM nation n ORDER BY 1 LIMIT 4
SELECT (SELECT x FROM (VALUES 1, 2) t(x) WHERE x > n.regionkey LIMIT 1) FROM nation n WHERE nationkey = 0
SELECT n.name, l.s FROM nation n, LATERAL (SELECT sum(s.acctbal) s FROM supplier s WHERE s.nationkey = n.nationkey GROUP BY s.nationkey) l ORDER BY 1 LIMIT 3
SELECT n.name, l.name FROM nation n, LATERAL (SELECT s.name FROM supplier s WHERE s.nationkey = n.nationkey ORDER BY s.acctbal DESC LIMIT 1) l ORDER BY 1 LIMIT 3
SELECT (SELECT 1 WHERE false)
SELECT (SELECT x FROM (VALUES 1, 2) t(x))
SELECT name FROM region r WHERE (SELECT count(*) FROM nation n WHERE n.regionkey = r.regionkey AND n.name LIKE '%A%') > 3 ORDER BY 1
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x > ALL (SELECT y FROM (VALUES 1, NULL) s(y))
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x > ANY (SELECT y FROM (VALUES 1, 2) s(y))
SELECT x, x = ANY (SELECT y FROM (VALUES 1, NULL) s(y)) FROM (VALUES 1, 2) t(x) ORDER BY 1
SELECT DISTINCT rank() OVER (ORDER BY regionkey) FROM nation ORDER BY 1
SELECT DISTINCT regionkey, rank() OVER (ORDER BY regionkey) r FROM nation ORDER BY 1
SELECT name FROM nation ORDER BY row_number() OVER (ORDER BY name DESC) LIMIT 3
SELECT name, regionkey FROM nation ORDER BY rank() OVER (PARTITION BY regionkey ORDER BY name), name LIMIT 5
SELECT regionkey, count(*), rank() OVER (ORDER BY count(*) DESC, regionkey) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, sum(count(*)) OVER (ORDER BY regionkey) FROM nation GROUP BY regionkey ORDER BY 1
SELECT * FROM (SELECT name, regionkey, row_number() OVER (PARTITION BY regionkey ORDER BY name) rn FROM nation) WHERE rn = 1 ORDER BY regionkey
SELECT name, rank() OVER w, sum(nationkey) OVER w FROM nation WINDOW w AS (PARTITION BY regionkey ORDER BY name) ORDER BY name LIMIT 5
SELECT name, rank() OVER (w ORDER BY name) FROM nation WINDOW w AS (PARTITION BY regionkey) ORDER BY name LIMIT 5
SELECT regionkey, count(DISTINCT nationkey), rank() OVER (ORDER BY regionkey) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, count(DISTINCT name) c, sum(count(DISTINCT name)) OVER () FROM nation GROUP BY regionkey ORDER BY 1
SELECT DISTINCT regionkey, count(*) OVER (PARTITION BY regionkey) FROM nation ORDER BY 1
SELECT name, lag(name) OVER w FROM nation WINDOW w AS (ORDER BY nationkey) ORDER BY nationkey LIMIT 3
SELECT name, sum(nationkey) OVER w FROM nation WINDOW w AS (PARTITION BY regionkey ORDER BY nationkey ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY nationkey LIMIT 5
SELECT regionkey, max(rank() OVER (ORDER BY nationkey)) FROM nation GROUP BY regionkey
SELECT DISTINCT row_number() OVER (ORDER BY name) % 3 FROM nation ORDER BY 1
SELECT DISTINCT regionkey, max(nationkey) OVER (PARTITION BY regionkey) m FROM nation ORDER BY m DESC
SELECT regionkey, avg(sum(nationkey)) OVER () FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, rank() OVER (ORDER BY sum(nationkey)) FROM nation GROUP BY regionkey HAVING sum(nationkey) > 40 ORDER BY 1
SELECT name FROM nation ORDER BY count(*) OVER (PARTITION BY regionkey) DESC, name LIMIT 3
SELECT DISTINCT count(*) OVER () FROM nation
SELECT count(DISTINCT regionkey), count(*) OVER () FROM nation
SELECT n.name, r.name FROM nation n JOIN region r ON n.regionkey = r.regionkey AND r.name <> 'ASIA' ORDER BY 1 LIMIT 5
SELECT n.name, r.name FROM nation n LEFT JOIN region r ON n.regionkey = r.regionkey AND r.regionkey > 2 ORDER BY 1 LIMIT 6
SELECT n.name, r.name FROM nation n RIGHT JOIN region r ON n.regionkey = r.regionkey AND n.nationkey < 3 ORDER BY 2, 1
SELECT n.name, r.name FROM nation n FULL JOIN region r ON n.regionkey = r.regionkey AND n.nationkey < 3 ORDER BY 2, 1
SELECT n.name, r.name FROM nation n FULL OUTER JOIN region r ON n.regionkey = r.regionkey + 3 ORDER BY 1 NULLS FIRST, 2 LIMIT 6
SELECT count(*) FROM nation n JOIN region r ON n.regionkey < r.regionkey
SELECT count(*) FROM nation n LEFT JOIN region r ON n.regionkey = r.regionkey OR n.nationkey = r.regionkey
SELECT n.name, s.name FROM nation n JOIN supplier s ON n.nationkey = s.nationkey AND s.acctbal > n.nationkey * 400 ORDER BY 2 LIMIT 5
SELECT regionkey, name FROM nation JOIN region USING (regionkey) ORDER BY 2 LIMIT 3
SELECT * FROM nation JOIN region USING (regionkey) ORDER BY nationkey LIMIT 2
SELECT regionkey, count(*) FROM nation LEFT JOIN region USING (regionkey) GROUP BY regionkey ORDER BY 1
SELECT x, a, b FROM (VALUES (1, 'a'), (2, 'b')) t(x, a) FULL JOIN (VALUES (2, 'B'), (3, 'C')) s(x, b) USING (x) ORDER BY x
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) t(x, a) FULL JOIN (VALUES (2, 'B'), (3, 'C')) s(x, b) USING (x) ORDER BY x
SELECT x FROM (VALUES 1, 2) t(x) RIGHT JOIN (VALUES 2, 3) s(x) USING (x) ORDER BY 1
SELECT a.name, b.name FROM nation a JOIN nation b ON a.regionkey = b.regionkey AND a.nationkey < b.nationkey WHERE a.regionkey = 0 ORDER BY 1, 2
SELECT a.nationkey, count(b.nationkey) FROM nation a LEFT JOIN nation b ON b.nationkey = a.nationkey + 20 GROUP BY a.nationkey ORDER BY 1 LIMIT 6
SELECT count(*) FROM nation a CROSS JOIN nation b
SELECT name FROM nation WHERE regionkey = 1 UNION SELECT name FROM region ORDER BY 1 LIMIT 4
SELECT name FROM nation WHERE regionkey = 1 UNION ALL SELECT name FROM region ORDER BY name DESC LIMIT 3
SELECT regionkey FROM nation UNION SELECT nationkey FROM nation WHERE nationkey < 3 ORDER BY 1
SELECT 1 UNION SELECT 2.5 ORDER BY 1
SELECT 1 UNION ALL SELECT CAST(2 AS bigint) UNION ALL SELECT 3.5e0 ORDER BY 1
SELECT 'a' UNION SELECT 'bcd' ORDER BY 1
SELECT CAST('a' AS varchar(3)) x UNION ALL SELECT 'abcdef' ORDER BY 1
SELECT 1 UNION SELECT 'a'
SELECT x FROM (VALUES 1, 1, 2, 3, 3, 3) t(x) INTERSECT ALL SELECT x FROM (VALUES 1, 3, 3, 4) t(x) ORDER BY 1
SELECT x FROM (VALUES 1, 1, 2, 3, 3, 3) t(x) EXCEPT ALL SELECT x FROM (VALUES 1, 3, 4) t(x) ORDER BY 1
SELECT x FROM (VALUES 1, 1, 2, NULL) t(x) INTERSECT SELECT x FROM (VALUES 1, NULL) t(x) ORDER BY 1
SELECT x FROM (VALUES 1, 1, 2, NULL) t(x) EXCEPT SELECT x FROM (VALUES 1) t(x) ORDER BY 1
SELECT regionkey FROM nation INTERSECT SELECT regionkey FROM region WHERE regionkey > 1 ORDER BY 1
SELECT regionkey FROM nation EXCEPT SELECT regionkey FROM region WHERE regionkey > 1 ORDER BY 1
(SELECT name FROM region ORDER BY name LIMIT 2) UNION ALL (SELECT name FROM region ORDER BY name DESC LIMIT 1) ORDER BY 1
SELECT * FROM (SELECT 1 a UNION ALL SELECT 2) ORDER BY a DESC LIMIT 1
SELECT a FROM (SELECT 1 a, 'x' b UNION ALL SELECT 2, 'y') ORDER BY b DESC
WITH a AS (SELECT regionkey FROM nation), b AS (SELECT regionkey, count(*) c FROM a GROUP BY regionkey) SELECT * FROM b ORDER BY 1
WITH a AS (WITH inner_t AS (SELECT 1 x) SELECT x + 1 y FROM inner_t) SELECT y FROM a
WITH a(x, y) AS (VALUES (1, 'one'), (2, 'two')) SELECT y FROM a WHERE x = 2
WITH a AS (SELECT * FROM region) SELECT a1.name FROM a a1 JOIN a a2 ON a1.regionkey = a2.regionkey + 1 ORDER BY 1
WITH a AS (SELECT 1 x), b AS (SELECT x + 1 x FROM a), c AS (SELECT x * 10 x FROM b) SELECT * FROM c
VALUES (1, 'a'), (2, 'bb')
VALUES 1, 2.5
VALUES (1, 1.5), (2.25, 2)
VALUES (1, NULL), (NULL, 'x')
VALUES 1e0, 2
VALUES CAST(1 AS smallint), 100000
VALUES (1, 'a'), (2, 3)
SELECT * FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, name) ORDER BY name DESC
SELECT id FROM (VALUES 1, 2, 3) t(id) ORDER BY id DESC LIMIT 2
SELECT name, regionkey FROM nation ORDER BY regionkey DESC, name LIMIT 4
SELECT name, regionkey r FROM nation ORDER BY r, name DESC LIMIT 4
SELECT name, regionkey FROM nation ORDER BY 2 DESC, 1 LIMIT 3
SELECT name FROM nation ORDER BY length(name) DESC, name LIMIT 3
SELECT x FROM (VALUES 1, NULL, 3) t(x) ORDER BY x NULLS FIRST
SELECT x FROM (VALUES 1, NULL, 3) t(x) ORDER BY x DESC NULLS LAST
SELECT x FROM (VALUES 1, NULL, 3) t(x) ORDER BY x DESC
SELECT x FROM (VALUES 1, NULL, 3) t(x) ORDER BY x
SELECT name FROM nation ORDER BY regionkey + nationkey DESC LIMIT 3
SELECT name n FROM nation ORDER BY n LIMIT 2
SELECT name AS regionkey FROM nation ORDER BY regionkey LIMIT 3
SELECT nationkey FROM nation ORDER BY nationkey OFFSET 20
SELECT nationkey FROM nation ORDER BY nationkey OFFSET 20 ROWS FETCH NEXT 2 ROWS ONLY
SELECT nationkey FROM nation ORDER BY nationkey OFFSET 22 LIMIT 10
SELECT regionkey FROM nation ORDER BY regionkey FETCH FIRST 6 ROWS WITH TIES
SELECT regionkey, name FROM nation ORDER BY regionkey DESC FETCH FIRST 1 ROW WITH TIES
SELECT regionkey FROM nation ORDER BY regionkey OFFSET 3 FETCH FIRST 3 ROWS WITH TIES
SELECT name FROM nation FETCH FIRST 2 ROWS ONLY
SELECT name FROM nation LIMIT 0
SELECT count(*) FROM (SELECT name FROM nation LIMIT 0)
SELECT regionkey, count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT regionkey r, count(*) FROM nation GROUP BY regionkey ORDER BY r
SELECT regionkey % 2 parity, count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT regionkey % 2, count(*) FROM nation GROUP BY regionkey % 2 ORDER BY 1
SELECT substr(name, 1, 1) c, count(*) FROM nation GROUP BY 1 HAVING count(*) > 1 ORDER BY 2 DESC, 1
SELECT count(*) FROM nation GROUP BY regionkey HAVING regionkey > 2 ORDER BY 1
SELECT a, b FROM (SELECT regionkey, count(*) FROM nation GROUP BY regionkey) AS t(a, b) ORDER BY a
SELECT t.a FROM (SELECT name, regionkey FROM nation) t(a, b) WHERE t.b = 0 ORDER BY 1
SELECT * FROM (SELECT 1, 2) t(a, b)
SELECT * FROM (VALUES (1, 2)) AS t(a, b) JOIN (VALUES (1, 3)) AS s(a, c) ON t.a = s.a
SELECT max(x) FROM (SELECT regionkey x FROM nation) s
SELECT count(DISTINCT regionkey), count(*) FROM nation
SELECT DISTINCT regionkey FROM nation ORDER BY 1 DESC LIMIT 2
SELECT DISTINCT regionkey, name < 'M' FROM nation ORDER BY 1, 2
SELECT sum(nationkey) FILTER (WHERE regionkey = 1), count(*) FILTER (WHERE name LIKE 'A%') FROM nation
SELECT regionkey, array_agg(name ORDER BY name DESC)[1] FROM nation GROUP BY regionkey ORDER BY 1
SELECT name FROM nation WHERE regionkey IN (1, 3) AND nationkey BETWEEN 5 AND 20 ORDER BY 1
SELECT name FROM nation WHERE name LIKE '%A' OR name LIKE 'C%' ORDER BY 1
SELECT CASE WHEN regionkey < 2 THEN 'low' ELSE 'high' END k, count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT n.name, r.name FROM nation n, region r WHERE n.regionkey = r.regionkey AND r.name = 'EUROPE' ORDER BY 1
SELECT count(*) FROM nation n, region r
SELECT o.orderpriority, count(*) FROM orders o WHERE EXISTS (SELECT 1 FROM lineitem l WHERE l.orderkey = o.orderkey AND l.commitdate < l.receiptdate) GROUP BY 1 ORDER BY 1
SELECT c.mktsegment, count(o.orderkey) FROM customer c LEFT JOIN orders o ON c.custkey = o.custkey AND o.totalprice > 300000 GROUP BY 1 ORDER BY 1
SELECT r.name, (SELECT count(*) FROM nation n WHERE n.regionkey = r.regionkey) FROM region r ORDER BY 1
SELECT name FROM region r WHERE NOT EXISTS (SELECT 1 FROM nation n WHERE n.regionkey = r.regionkey AND n.name LIKE 'Z%') ORDER BY 1
SELECT n.name FROM nation n WHERE n.nationkey = ANY (SELECT s.nationkey FROM supplier s WHERE s.acctbal > 9900) ORDER BY 1
SELECT a.x, b.y FROM (VALUES 1, 2) a(x) JOIN (VALUES 2, 3) b(y) ON a.x + 1 = b.y ORDER BY 1
SELECT a.x, b.y FROM (VALUES 1, 2) a(x) LEFT JOIN (VALUES 2, 3) b(y) ON a.x = b.y - 1 AND b.y > 2 ORDER BY 1
SELECT a.x FROM (VALUES 1, 2, NULL) a(x) JOIN (VALUES 1, NULL) b(y) ON a.x = b.y
SELECT a.x, b.y FROM (VALUES 1, 2, NULL) a(x) FULL JOIN (VALUES 1, NULL) b(y) ON a.x = b.y ORDER BY 1, 2
SELECT a.x FROM (VALUES 1, 2, NULL) a(x) JOIN (VALUES 1, NULL) b(y) ON a.x IS NOT DISTINCT FROM b.y ORDER BY 1
SELECT a.x, b.y FROM (VALUES 1, 2) a(x) JOIN (VALUES 1.0, 2.5) b(y) ON a.x = b.y
SELECT a.x, b.y FROM (VALUES CAST(1 AS bigint)) a(x) JOIN (VALUES CAST(1 AS smallint)) b(y) ON a.x = b.y
SELECT count(*) FROM lineitem l JOIN orders o ON l.orderkey = o.orderkey JOIN customer c ON o.custkey = c.custkey WHERE c.nationkey = 5
SELECT name FROM nation ORDER BY name LIMIT 3 OFFSET 2
SELECT * FROM region ORDER BY regionkey LIMIT 2
SELECT r.* FROM region r ORDER BY 1 LIMIT 1
SELECT r.*, 1 AS one FROM region r WHERE regionkey = 0
SELECT regionkey FROM nation GROUP BY regionkey HAVING count(*) = 5 AND max(name) > 'M' ORDER BY 1
SELECT count(*), sum(x) FROM (VALUES 1) t(x) WHERE false
SELECT regionkey, count(*) FROM nation WHERE false GROUP BY regionkey
SELECT max(regionkey) FROM nation HAVING max(regionkey) > 10
SELECT 1 FROM nation HAVING count(*) > 1
SELECT DISTINCT x FROM (VALUES 1.0, 1.00, 2) t(x) ORDER BY 1
SELECT x, y FROM (VALUES (1, 2)) t(x, y) ORDER BY y, x
SELECT n.name, x FROM nation n CROSS JOIN UNNEST(ARRAY[n.nationkey, n.regionkey]) AS u(x) WHERE n.nationkey < 2 ORDER BY 1, 2
SELECT n.name, x, o FROM nation n CROSS JOIN UNNEST(ARRAY[n.nationkey, n.regionkey]) WITH ORDINALITY AS u(x, o) WHERE n.nationkey < 2 ORDER BY 1, 3
SELECT x, y FROM UNNEST(ARRAY[1, 2], ARRAY['a', 'b', 'c']) AS u(x, y) ORDER BY y
SELECT n.name, a, b FROM nation n CROSS JOIN UNNEST(ARRAY[1], ARRAY[2, 3]) AS u(a, b) WHERE n.nationkey = 0
SELECT * FROM UNNEST(ARRAY[ROW(1, 'a')]) WITH ORDINALITY AS u(i, s, o)
SELECT count(*) FROM nation n, UNNEST(ARRAY[1, 2, 3]) u(x)
SELECT r.name, s FROM region r CROSS JOIN UNNEST(split(r.comment, ' ')) AS u(s) WHERE r.regionkey = 0 ORDER BY s LIMIT 3
SELECT k, sum(v) FROM (VALUES MAP(ARRAY['a', 'b'], ARRAY[1, 2]), MAP(ARRAY['a'], ARRAY[5])) t(m) CROSS JOIN UNNEST(m) AS u(k, v) GROUP BY k ORDER BY k
SELECT * FROM (SELECT x FROM UNNEST(ARRAY[3, 1, 2]) u(x) ORDER BY x LIMIT 2) ORDER BY x DESC
SELECT n.name, l.c FROM nation n LEFT JOIN LATERAL (SELECT count(*) c FROM supplier s WHERE s.nationkey = n.nationkey AND s.acctbal > 9000) l ON true ORDER BY 2 DESC, 1 LIMIT 3
SELECT r.name, l.n FROM region r CROSS JOIN LATERAL (SELECT n.name n FROM nation n WHERE n.regionkey = r.regionkey AND n.nationkey > 20) l ORDER BY 1, 2
SELECT r.name, x FROM region r, LATERAL (SELECT r.regionkey + 1 x) ORDER BY 1
SELECT n.name FROM nation n WHERE EXISTS (SELECT * FROM region r WHERE r.regionkey = n.regionkey) AND n.nationkey < 2 ORDER BY 1
SELECT n.name FROM nation n WHERE n.nationkey < 3 AND (SELECT r.name FROM region r WHERE r.regionkey = n.regionkey) LIKE 'A%' ORDER BY 1
SELECT (SELECT n.name FROM nation n WHERE n.regionkey = r.regionkey) FROM region r
SELECT r.name FROM region r WHERE r.regionkey = (SELECT n.regionkey FROM nation n)
SELECT r.name, (SELECT max(n.nationkey) FROM nation n WHERE n.regionkey = r.regionkey HAVING count(*) > 10) FROM region r ORDER BY 1
SELECT r.name FROM region r WHERE r.regionkey IN (SELECT n.regionkey FROM nation n WHERE n.name LIKE 'I%') ORDER BY 1
SELECT r.name FROM region r WHERE r.regionkey NOT IN (SELECT n.regionkey FROM nation n WHERE n.name LIKE 'I%') ORDER BY 1
SELECT r.name, r.regionkey IN (SELECT n.regionkey FROM nation n WHERE n.name LIKE 'I%') FROM region r ORDER BY 1
SELECT x, x NOT IN (SELECT y FROM (VALUES 1, NULL) s(y)) FROM (VALUES 1, 2) t(x) ORDER BY 1
SELECT x FROM (VALUES 1, 2) t(x) WHERE x NOT IN (SELECT y FROM (VALUES 1, NULL) s(y) WHERE y IS NOT NULL)
SELECT r.name FROM region r WHERE (SELECT count(*) FROM nation n WHERE n.regionkey = r.regionkey) = 5 ORDER BY 1
SELECT regionkey, count(*) FROM nation n GROUP BY regionkey HAVING EXISTS (SELECT 1 FROM region r WHERE r.regionkey = n.regionkey AND r.name LIKE 'A%') ORDER BY 1
SELECT n.name FROM nation n JOIN region r ON n.regionkey = r.regionkey AND n.nationkey IN (SELECT s.nationkey FROM supplier s WHERE s.acctbal > 9900) ORDER BY 1
SELECT n.name, (SELECT count(*) FROM supplier s WHERE s.nationkey = n.nationkey AND s.acctbal > (SELECT avg(acctbal) FROM supplier)) FROM nation n ORDER BY 1 LIMIT 3
SELECT name, rank() OVER (ORDER BY regionkey), dense_rank() OVER (ORDER BY regionkey) FROM nation ORDER BY 2 DESC, 1 LIMIT 3
SELECT regionkey, count(*) c, row_number() OVER (ORDER BY count(*) DESC, regionkey) FROM nation GROUP BY regionkey ORDER BY 3
SELECT regionkey, max(name), lag(max(name)) OVER (ORDER BY regionkey) FROM nation GROUP BY regionkey ORDER BY 1
SELECT name FROM (SELECT name, rank() OVER (PARTITION BY regionkey ORDER BY nationkey DESC) r FROM nation) WHERE r <= 2 ORDER BY 1
SELECT name, sum(nationkey) OVER w, avg(nationkey) OVER w FROM nation WHERE regionkey = 0 WINDOW w AS (ORDER BY nationkey) ORDER BY 1
SELECT name, first_value(name) OVER w FROM nation WHERE regionkey = 1 WINDOW w AS (PARTITION BY regionkey ORDER BY name DESC) ORDER BY 1
SELECT regionkey, count(DISTINCT name), max(count(*)) OVER () FROM nation GROUP BY regionkey ORDER BY 1
SELECT DISTINCT regionkey, count(*) OVER (PARTITION BY regionkey) c FROM nation ORDER BY c, regionkey
SELECT name, percent_rank() OVER (ORDER BY nationkey) FROM nation WHERE nationkey < 4 ORDER BY 1
SELECT name, ntile(2) OVER (ORDER BY nationkey) FROM nation WHERE nationkey < 4 ORDER BY 1
SELECT nationkey FROM nation ORDER BY nationkey DESC LIMIT 2 OFFSET 1
SELECT x FROM (VALUES 2, 1, 3) t(x) ORDER BY x LIMIT ALL
SELECT x FROM (VALUES 1, 2) t(x) UNION SELECT y FROM (VALUES 2, 3) s(y) ORDER BY 1 DESC LIMIT 2
SELECT x FROM (VALUES 1, 2) t(x) UNION ALL SELECT y FROM (VALUES 2, 3) s(y) ORDER BY x
SELECT * FROM ((SELECT 1 a) UNION ALL (SELECT 2)) t ORDER BY 1
SELECT a, b FROM (VALUES (1, 'x')) t(a, b) UNION ALL SELECT 2.5, CAST('yy' AS varchar(5)) ORDER BY 1
SELECT DATE '2020-01-01' UNION SELECT TIMESTAMP '2020-01-02 00:00:00' ORDER BY 1
SELECT x FROM (VALUES 1, 2, 3) t(x) EXCEPT SELECT 2 INTERSECT SELECT 3
SELECT x FROM (VALUES 1, 2, 3) t(x) UNION SELECT 4 EXCEPT SELECT 1 ORDER BY 1
SELECT count(*) FROM (SELECT regionkey FROM nation INTERSECT ALL SELECT regionkey FROM nation WHERE nationkey < 10)
SELECT * FROM (VALUES (1, 'a'), (1, 'a'), (2, 'b')) t(x, y) EXCEPT ALL SELECT * FROM (VALUES (1, 'a')) s(x, y)
SELECT count(*) FROM region r1 JOIN region r2 USING (regionkey, name)
SELECT regionkey, r.name FROM nation JOIN region r USING (regionkey) WHERE nationkey = 3
SELECT nationkey, regionkey FROM nation n1 JOIN nation n2 USING (nationkey, regionkey) WHERE nationkey < 2 ORDER BY 1
SELECT n.name FROM nation n LEFT JOIN region r ON n.regionkey = r.regionkey WHERE r.name IS NULL
SELECT a.x, b.x FROM (VALUES 1, 2) a(x) LEFT JOIN (VALUES 1) b(x) ON a.x = b.x WHERE b.x IS NULL
SELECT count(*) FROM nation n JOIN region r ON true
SELECT count(*) FROM nation n LEFT JOIN region r ON false
SELECT n.name, r.name FROM nation n LEFT JOIN region r ON n.regionkey = r.regionkey AND false WHERE n.nationkey = 1
SELECT o.orderkey, l.linenumber FROM orders o JOIN lineitem l ON o.orderkey = l.orderkey AND l.linenumber = 1 ORDER BY 1 LIMIT 3
SELECT c.name FROM customer c WHERE c.custkey NOT IN (SELECT o.custkey FROM orders o) ORDER BY 1 LIMIT 3
SELECT count(*) FROM customer c WHERE NOT EXISTS (SELECT 1 FROM orders o WHERE o.custkey = c.custkey)
SELECT t.a + t.b FROM (SELECT nationkey, regionkey FROM nation) AS t(a, b) ORDER BY 1 DESC LIMIT 2
SELECT x.* FROM (SELECT 1 a, 2 b) x
SELECT * FROM (SELECT * FROM region) r(k, n, c) WHERE k = 1
WITH t AS (SELECT regionkey, count(*) c FROM nation GROUP BY regionkey) SELECT max(c), min(c) FROM t
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT sum(n) FROM t
SELECT regionkey AS k, count(*) FROM nation GROUP BY k ORDER BY k
SELECT name, regionkey FROM nation GROUP BY 1, 2 ORDER BY 2, 1 LIMIT 2
SELECT count(*) FROM (SELECT DISTINCT regionkey, nationkey % 2 FROM nation)
SELECT x FROM (VALUES 'b', 'a', NULL) t(x) ORDER BY x DESC NULLS FIRST
SELECT x, y FROM (VALUES (1, NULL), (1, 2), (NULL, 1)) t(x, y) ORDER BY x NULLS FIRST, y NULLS LAST
SELECT -x AS x FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT x AS y, -x AS x FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT nationkey FROM nation ORDER BY nationkey LIMIT 3 OFFSET 0
SELECT n, x, y FROM (VALUES (1, ARRAY[1,2], ARRAY['a','b','c'])) t(n, a, b) CROSS JOIN UNNEST(a, b) AS u(x, y) ORDER BY y
SELECT n, x, y, o FROM (VALUES (1, ARRAY[1,2], ARRAY['a'])) t(n, a, b) CROSS JOIN UNNEST(a, b) WITH ORDINALITY AS u(x, y, o) ORDER BY o
SELECT k, v, o FROM UNNEST(MAP(ARRAY['a','b'], ARRAY[10,20])) WITH ORDINALITY AS u(k, v, o) ORDER BY k
SELECT x, k, v FROM UNNEST(ARRAY[1,2,3], MAP(ARRAY['a'], ARRAY[1])) AS u(x, k, v) ORDER BY x
SELECT a, b FROM UNNEST(ARRAY[ROW(1,'x'), ROW(2,'y')]) AS u(a, b) WHERE a > 1
SELECT count(*), sum(x) FROM UNNEST(sequence(1, 100)) AS u(x)
SELECT x FROM UNNEST(ARRAY[ARRAY[1,2], ARRAY[3]]) AS u(x) ORDER BY cardinality(x)
SELECT y FROM UNNEST(ARRAY[ARRAY[1,2], ARRAY[3]]) AS u(x) CROSS JOIN UNNEST(x) AS v(y) ORDER BY y
SELECT n.name, x FROM nation n CROSS JOIN UNNEST(ARRAY[n.nationkey, n.regionkey]) WITH ORDINALITY AS u(x, o) WHERE n.nationkey < 2 ORDER BY 1, o
SELECT r.name, w FROM region r CROSS JOIN UNNEST(split(r.name, 'A')) AS u(w) WHERE w <> '' ORDER BY 1, 2
SELECT x FROM UNNEST(ARRAY[3,1,2]) AS u(x) ORDER BY x DESC LIMIT 2
SELECT x, count(*) FROM UNNEST(ARRAY[1,1,2,3,3,3]) AS u(x) GROUP BY x ORDER BY 2 DESC
SELECT * FROM UNNEST(ARRAY[1,2]) WITH ORDINALITY
SELECT * FROM UNNEST(ARRAY['a','b'], ARRAY[1]) WITH ORDINALITY t(s, i, o)
SELECT t.n, u.x FROM (VALUES (1, ARRAY[1,2]), (2, NULL)) t(n, a) CROSS JOIN UNNEST(a) u(x) ORDER BY 1, 2
SELECT n, x FROM (VALUES (1, ARRAY[ROW(1,'a')]), (2, ARRAY[ROW(2,'b'), ROW(3,'c')])) t(n, a) CROSS JOIN UNNEST(a) AS u(x, y) ORDER BY n, x
SELECT n, y FROM (VALUES (1, ARRAY[ROW(1,'a')]), (2, ARRAY[ROW(2,'b'), ROW(3,'c')])) t(n, a) CROSS JOIN UNNEST(a) AS u(x, y) WHERE x >= 2 ORDER BY y
SELECT n, (SELECT max(x) FROM UNNEST(a) AS u(x)) FROM (VALUES (1, ARRAY[1,2,3]), (2, ARRAY[4])) t(n, a) ORDER BY n
SELECT n, (SELECT count(*) FROM UNNEST(a)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, a) ORDER BY n
SELECT n, (SELECT max(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, a) ORDER BY n
SELECT n, (SELECT sum(x) * 2 FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) ORDER BY n
SELECT n, (SELECT avg(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) ORDER BY n
SELECT n, (SELECT array_agg(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) ORDER BY n
SELECT n, (SELECT string_agg(x, ',') FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY['p','q']), (2, ARRAY[])) t(n, a) ORDER BY n
SELECT n, (SELECT count(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,NULL,2])) t(n, a)
SELECT n, (SELECT count(*) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[1,NULL,2])) t(n, a)
SELECT n, (SELECT sum(v) FROM UNNEST(m) u(k, v)) FROM (VALUES (1, MAP(ARRAY['a','b'], ARRAY[1,2])), (2, MAP())) t(n, m) ORDER BY n
SELECT n FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[5])) t(n, a) WHERE (SELECT max(x) FROM UNNEST(a) u(x)) > 3
SELECT n, l.c FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) CROSS JOIN LATERAL (SELECT count(*) c FROM UNNEST(a)) l ORDER BY n
SELECT n, l.c FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) LEFT JOIN LATERAL (SELECT count(*) c FROM UNNEST(a)) l ON true ORDER BY n
SELECT r.name, (SELECT count(*) FROM UNNEST(split(r.comment, ' '))) FROM region r ORDER BY 1
SELECT n, EXISTS (SELECT 1 FROM UNNEST(a) u(x) WHERE x > 1) FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[1])) t(n, a) ORDER BY n
SELECT * FROM (VALUES ARRAY[1,2]) t(a) WHERE EXISTS (SELECT 1 FROM UNNEST(a) u(x) WHERE x > 1)
SELECT n FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[])) t(n, a) WHERE 2 IN (SELECT x FROM UNNEST(a) u(x))
SELECT name FROM nation WHERE regionkey IN (SELECT regionkey FROM region WHERE name LIKE 'A%') ORDER BY 1 LIMIT 5
SELECT name FROM nation WHERE regionkey NOT IN (SELECT regionkey FROM region WHERE name LIKE 'A%') ORDER BY 1 LIMIT 5
SELECT name FROM nation WHERE (regionkey, nationkey) IN (SELECT regionkey, min(nationkey) FROM nation GROUP BY regionkey) ORDER BY 1
SELECT name FROM nation WHERE nationkey IN (1, 2, 3) AND regionkey IN (SELECT regionkey FROM region) ORDER BY 1
SELECT name, nationkey IN (SELECT nationkey FROM supplier) FROM nation ORDER BY 1 LIMIT 3
SELECT regionkey, count(*) FROM nation GROUP BY regionkey HAVING count(*) >= (SELECT avg(c) FROM (SELECT count(*) c FROM nation GROUP BY regionkey)) ORDER BY 1
SELECT regionkey FROM nation n GROUP BY regionkey HAVING max(nationkey) > (SELECT max(r.regionkey) * 4 FROM region r) ORDER BY 1
SELECT n.name, (SELECT r.name FROM region r WHERE r.regionkey = n.regionkey) FROM nation n ORDER BY 1 LIMIT 4
SELECT n.name FROM nation n WHERE n.nationkey = (SELECT max(n2.nationkey) FROM nation n2 WHERE n2.regionkey = n.regionkey) ORDER BY 1
SELECT regionkey, name FROM nation n WHERE nationkey > (SELECT avg(nationkey) FROM nation n2 WHERE n2.regionkey = n.regionkey) ORDER BY 1, 2
SELECT name FROM region UNION SELECT name FROM nation WHERE regionkey = 0 ORDER BY 1 LIMIT 4
SELECT name FROM region UNION ALL SELECT name FROM region ORDER BY 1 DESC LIMIT 3
SELECT regionkey FROM nation INTERSECT SELECT regionkey FROM region WHERE regionkey < 3 ORDER BY 1
SELECT regionkey FROM region EXCEPT SELECT regionkey FROM nation WHERE regionkey > 1 ORDER BY 1
(SELECT name FROM region ORDER BY name LIMIT 2) UNION ALL (SELECT name FROM nation ORDER BY name DESC LIMIT 2) ORDER BY 1
SELECT * FROM (SELECT 1 x UNION SELECT 2 UNION SELECT 1) ORDER BY x
SELECT x FROM (VALUES 1, 2, 2, 3) t(x) EXCEPT ALL SELECT x FROM (VALUES 2) t(x) ORDER BY 1
SELECT x FROM (VALUES 1, 2, 2, 3) t(x) INTERSECT ALL SELECT x FROM (VALUES 2, 2, 5) t(x) ORDER BY 1
SELECT regionkey, count(*) FROM nation GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3
SELECT length(name) l, count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT substr(name, 1, 1), count(*) FROM nation GROUP BY substr(name, 1, 1) HAVING count(*) > 1 ORDER BY 1
SELECT CASE WHEN regionkey < 2 THEN 'low' ELSE 'high' END, count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT ROW(regionkey, regionkey * 2), count(*) FROM nation GROUP BY 1 ORDER BY 1
SELECT CASE WHEN n > 1 THEN ARRAY[1,2] ELSE ARRAY[3] END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT CASE WHEN r.x > 1 THEN r END FROM (SELECT CAST(ROW(2, 'a') AS ROW(x int, s varchar)) r)
SELECT coalesce(m['a'], -1) FROM (VALUES MAP(ARRAY['a'], ARRAY[1]), MAP(ARRAY['b'], ARRAY[2])) t(m)
SELECT r.x, r.s FROM (SELECT CAST(ROW(2, 'a') AS ROW(x int, s varchar)) r)
SELECT (r).s FROM (SELECT CAST(ROW(2, 'a') AS ROW(x int, s varchar)) r) WHERE (r).x = 2
SELECT a[1].x FROM (SELECT ARRAY[CAST(ROW(1, 'a') AS ROW(x int, s varchar))] a)
SELECT x, s FROM UNNEST(ARRAY[CAST(ROW(1, 'a') AS ROW(x int, s varchar)), CAST(ROW(2, 'b') AS ROW(x int, s varchar))]) u ORDER BY x DESC
SELECT r.x FROM (SELECT CAST(ROW(1, ROW(2, 3)) AS ROW(x int, y ROW(a int, b int))) r)
SELECT r.y.b FROM (SELECT CAST(ROW(1, ROW(2, 3)) AS ROW(x int, y ROW(a int, b int))) r)
SELECT (r).y.a FROM (SELECT CAST(ROW(1, ROW(2, 3)) AS ROW(x int, y ROW(a int, b int))) r)
SELECT r FROM (SELECT CAST(ROW(1,2) AS ROW(x int, y int)) r UNION ALL SELECT CAST(ROW(3,0) AS ROW(x int, y int))) ORDER BY (r).y
SELECT r FROM (SELECT CAST(ROW(1,2) AS ROW(x int, y int)) r UNION ALL SELECT CAST(ROW(3,0) AS ROW(x int, y int))) ORDER BY r.y DESC
SELECT (r).x, (r).y FROM (SELECT CAST(ROW(1,2) AS ROW(x int, y int)) r) ORDER BY (r).x
SELECT a FROM (VALUES (ARRAY[3,1], 1), (ARRAY[2], 2), (ARRAY[3], 3)) t(a, n) ORDER BY a
SELECT a FROM (VALUES (ARRAY[3,1], 1), (ARRAY[2], 2), (ARRAY[3], 3)) t(a, n) ORDER BY a DESC LIMIT 2
SELECT n, r FROM (VALUES (1, ROW(2, 'b')), (2, ROW(2, 'a')), (3, ROW(1, 'z'))) t(n, r) ORDER BY r
SELECT max(a), min(a) FROM (VALUES ARRAY[1,2], ARRAY[1,3], ARRAY[0]) t(a)
SELECT ARRAY[INTERVAL '1' DAY, INTERVAL '2' HOUR]
SELECT ARRAY[INTERVAL '1' YEAR, INTERVAL '2' MONTH]
SELECT ARRAY[INTERVAL '3' DAY]
SELECT * FROM (VALUES (1, INTERVAL '1' DAY), (2, INTERVAL '2' SECOND)) t(n, i)
SELECT * FROM (VALUES (1, INTERVAL '1' YEAR), (2, INTERVAL '2' MONTH)) t(n, i)
SELECT * FROM (VALUES (1, ARRAY[]), (2, ARRAY[ROW(1,'a')])) t(n, a) ORDER BY n
VALUES ARRAY[], ARRAY[1]
SELECT ARRAY[ARRAY[], ARRAY[1]]
SELECT * FROM (VALUES (1, ARRAY[]), (2, ARRAY['x'])) t(n, a)
SELECT coalesce(ARRAY[], ARRAY[1])
SELECT CASE WHEN true THEN ARRAY[] ELSE ARRAY[ROW(1,'a')] END
SELECT n.name, l.x FROM nation n CROSS JOIN LATERAL (SELECT n.nationkey + 1 AS x) l WHERE n.nationkey < 3 ORDER BY 1
SELECT n.name, l.x FROM nation n, LATERAL (SELECT x FROM UNNEST(ARRAY[n.nationkey, n.regionkey]) u(x)) l WHERE n.nationkey < 2 ORDER BY 1, 2
SELECT t.n, l.s FROM (VALUES 1, 2) t(n), LATERAL (SELECT sum(x) s FROM UNNEST(sequence(1, t.n)) u(x)) l ORDER BY 1
SELECT regionkey, array_agg(name ORDER BY name)[1] FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, map_agg(nationkey, name)[regionkey * 5] FROM nation GROUP BY regionkey ORDER BY 1
SELECT cardinality(array_agg(DISTINCT regionkey)) FROM nation
SELECT zip(ARRAY[1,2], ARRAY['a','b'])
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x = ANY (VALUES 2, 3) ORDER BY 1
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x IN (VALUES 2, 3) ORDER BY 1
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x NOT IN (VALUES 2) ORDER BY 1
SELECT (SELECT count(*) FROM region) + (SELECT count(*) FROM nation)
SELECT name FROM region ORDER BY (SELECT count(*) FROM nation n WHERE n.regionkey = region.regionkey), name
SELECT name FROM nation ORDER BY regionkey DESC, name LIMIT 3 OFFSET 2
SELECT name FROM nation ORDER BY name OFFSET 22
SELECT name FROM nation ORDER BY name FETCH FIRST 2 ROWS ONLY
SELECT regionkey, name FROM nation ORDER BY regionkey FETCH FIRST 2 ROWS WITH TIES
SELECT a, count(*) FROM (VALUES ROW(1, 'a'), ROW(1, 'a')) t(a, b) GROUP BY a
SELECT t.* FROM (VALUES (1, 'a'), (2, 'b')) t(x, y) ORDER BY x DESC
SELECT t.*, u.* FROM (VALUES 1) t(x) CROSS JOIN (VALUES 'a') u(y)
SELECT x, y FROM (VALUES 1, 2) t(x) JOIN (VALUES 2, 3) u(y) ON x = y
SELECT x, y FROM (VALUES 1, 2) t(x) FULL JOIN (VALUES 2, 3) u(y) ON x = y ORDER BY 1, 2
SELECT x, y FROM (VALUES 1, 2) t(x) LEFT JOIN (VALUES 2, 3) u(y) ON x = y AND y > 2 ORDER BY 1
SELECT * FROM (VALUES (1, 'a')) t(x, y) JOIN (VALUES (1, 'b')) u(x, z) USING (x)
SELECT element_at(a, -1), a[cardinality(a)] FROM (VALUES ARRAY[1,2,3]) t(a)
SELECT slice(a, 2, 2), reverse(a), array_sort(a), contains(a, 2) FROM (VALUES ARRAY[3,2,1]) t(a)
SELECT flatten(ARRAY[ARRAY[1], ARRAY[2,3]])
SELECT map_keys(m), map_values(m) FROM (VALUES MAP(ARRAY['a'], ARRAY[ARRAY[1]])) t(m)
SELECT m['a'][1] FROM (VALUES MAP(ARRAY['a'], ARRAY[ARRAY[1]])) t(m)
SELECT ARRAY[ROW(1, ARRAY['a'])][1][2][1]
SELECT CAST(ROW(1, 'a') AS ROW(x bigint, y varchar)).y
SELECT CAST(ARRAY[ROW(1, 'a')] AS ARRAY(ROW(x bigint, y varchar)))[1].x
SELECT x FROM (SELECT 1 x) WHERE x IN (SELECT 1 UNION SELECT 2)
SELECT exists(SELECT 1 FROM region WHERE false), exists(SELECT 1 FROM region)
SELECT n, s.m FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[5,1,7])) t(n, a) CROSS JOIN LATERAL (SELECT max(x) m FROM UNNEST(a) u(x)) s ORDER BY n
SELECT n, (SELECT array_agg(x ORDER BY x DESC) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[2, 3, 1]), (1, ARRAY[7])) t(n, a) ORDER BY 2
SELECT n, (SELECT max(k) || ':' || CAST(sum(v) AS varchar) FROM UNNEST(m) u(k, v)) FROM (VALUES (1, MAP(ARRAY['a', 'b'], ARRAY[1, 2]))) t(n, m)
SELECT n FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[]), (3, NULL)) t(n, a) WHERE (SELECT count(*) FROM UNNEST(a)) < 2 ORDER BY n
SELECT r FROM (VALUES (CAST(ROW(1,2) AS ROW(x int, y int)), 1), (CAST(ROW(3,0) AS ROW(x int, y int)), 2)) t(r, n) ORDER BY (r).y
SELECT r.y FROM (VALUES (CAST(ROW(1,2) AS ROW(x int, y int)), 1), (CAST(ROW(3,0) AS ROW(x int, y int)), 2)) t(r, n) ORDER BY r.x DESC
SELECT (r).x, (r).y FROM (SELECT CAST(ROW(1,2) AS ROW(x int, y int)) r UNION ALL SELECT CAST(ROW(3,0) AS ROW(x int, y int))) ORDER BY (r).y * 10 + (r).x DESC
SELECT (r).y, count(*) FROM (VALUES (CAST(ROW(1,2) AS ROW(x int, y int)), 1), (CAST(ROW(3,2) AS ROW(x int, y int)), 2)) t(r, n) GROUP BY (r).y ORDER BY (r).y
SELECT (r).x FROM (VALUES (CAST(ROW(1,2) AS ROW(x int, y int)), 1), (CAST(ROW(3,0) AS ROW(x int, y int)), 2)) t(r, n) ORDER BY max((r).y) OVER (), (r).x NULLS FIRST
SELECT count(DISTINCT a) FROM (VALUES ARRAY[1], ARRAY[1], ARRAY[2]) t(a)
SELECT ARRAY[regionkey], count(*) FROM nation GROUP BY ARRAY[regionkey] ORDER BY 1
SELECT ARRAY[1,2] UNION SELECT ARRAY[1,2] UNION SELECT ARRAY[3] ORDER BY 1
SELECT DISTINCT a FROM (VALUES ARRAY[1], ARRAY[1], ARRAY[2]) t(a) ORDER BY 1
SELECT DISTINCT r FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, s varchar)), 1), (CAST(ROW(1, 'a') AS ROW(x int, s varchar)), 2), (CAST(ROW(2, 'b') AS ROW(x int, s varchar)), 3)) t(r, n) ORDER BY r
SELECT a, count(*) FROM (VALUES ARRAY[0.0E0], ARRAY[0.0E0], ARRAY[nan()], ARRAY[nan()], ARRAY[1.0E0]) t(a) GROUP BY a ORDER BY 2, 1
SELECT MAP(ARRAY[INTERVAL '1' DAY, INTERVAL '2' HOUR], ARRAY[1, 2])
SELECT n, a FROM (VALUES (1, ARRAY[2, 3, 1]), (2, ARRAY[7]), (3, ARRAY[2, 3]), (4, NULL)) t(n, a) ORDER BY 2
SELECT n, a, (SELECT max(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[9])) t(n, a) ORDER BY n
SELECT n, (SELECT min(x) FROM UNNEST(a) u(x)), (SELECT max(x) FROM UNNEST(a) u(x)) FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[9])) t(n, a) ORDER BY n
SELECT n, (SELECT count(*) FROM UNNEST(a) u(x)) + (SELECT count(*) FROM UNNEST(b) v(y)) FROM (VALUES (1, ARRAY[1], ARRAY[1,2])) t(n, a, b)
SELECT arbitrary(a), any_value(r) FROM (VALUES (ARRAY[1], CAST(ROW(1, 'a') AS ROW(x int, s varchar)))) t(a, r)
SELECT o.orderkey, (SELECT count(*) FROM lineitem l WHERE l.orderkey = o.orderkey) FROM orders o ORDER BY 1 LIMIT 3
SELECT custkey, count(*) FROM orders GROUP BY custkey HAVING count(*) > (SELECT 25) ORDER BY 1 LIMIT 3
SELECT n.name, array_agg(s.name ORDER BY s.name)[1] FROM nation n JOIN supplier s ON s.nationkey = n.nationkey GROUP BY n.name ORDER BY 1 LIMIT 3
SELECT x, y FROM UNNEST(ARRAY[1,2,3]) u(x) CROSS JOIN UNNEST(ARRAY['a','b']) v(y) ORDER BY 1, 2
SELECT a, x FROM (VALUES ARRAY[3,1,2]) t(a) CROSS JOIN UNNEST(array_sort(a)) WITH ORDINALITY u(x, o) ORDER BY o
SELECT n, (SELECT sum(x * y) FROM UNNEST(a, b) u(x, y)) FROM (VALUES (1, ARRAY[1,2], ARRAY[3,4])) t(n, a, b)
SELECT n, (SELECT max(x) FROM UNNEST(a) u(x)) m FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[9])) t(n, a) ORDER BY m DESC
SELECT count(*) FROM (VALUES (1, ARRAY[3,1,2]), (2, ARRAY[9])) t(n, a) WHERE (SELECT max(x) FROM UNNEST(a) u(x)) = 9
SELECT n.regionkey, max(c) FROM nation n CROSS JOIN LATERAL (SELECT count(*) c FROM UNNEST(split(n.comment, ' '))) l GROUP BY 1 ORDER BY 1
SELECT name FROM nation WHERE cardinality(split(comment, ' ')) > (SELECT avg(cardinality(split(comment, ' '))) FROM nation) ORDER BY 1 LIMIT 3
SELECT DISTINCT split(name, 'A')[1] FROM nation ORDER BY 1 LIMIT 4
SELECT DISTINCT ARRAY[regionkey, regionkey] FROM nation ORDER BY 1
SELECT a, count(*) FROM (SELECT ARRAY[regionkey % 2] a FROM nation) GROUP BY a ORDER BY 1
SELECT r, count(*) FROM (SELECT ROW(regionkey % 2, 'x') r FROM nation) GROUP BY r ORDER BY 1
SELECT ARRAY[name] FROM region INTERSECT SELECT ARRAY[name] FROM region WHERE regionkey < 2 ORDER BY 1
SELECT ARRAY[name] FROM region EXCEPT SELECT ARRAY[name] FROM region WHERE regionkey < 2 ORDER BY 1
SELECT n, rank() OVER (ORDER BY a) FROM (VALUES (1, ARRAY[2]), (2, ARRAY[1]), (3, ARRAY[1,0])) t(n, a) ORDER BY n
SELECT n, row_number() OVER (PARTITION BY a ORDER BY n) FROM (VALUES (1, ARRAY[2]), (2, ARRAY[2]), (3, ARRAY[1])) t(n, a) ORDER BY n
SELECT max(r), min(r) FROM (VALUES ROW(1, 'b'), ROW(1, 'a')) t(x, y) CROSS JOIN (SELECT ROW(1, 2) r)
SELECT n, lag(a) OVER (ORDER BY n) FROM (VALUES (1, ARRAY[2]), (2, ARRAY[1])) t(n, a) ORDER BY n
SELECT CASE WHEN n = 1 THEN ROW(1, 'a') ELSE ROW(2, 'b') END FROM (VALUES 1, 2) t(n) ORDER BY 1
SELECT CASE WHEN n = 1 THEN MAP(ARRAY['a'], ARRAY[1]) END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT if(n = 1, ARRAY['x'], ARRAY[]) FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT coalesce(a, ARRAY[]) FROM (VALUES ARRAY[1], NULL) t(a) ORDER BY cardinality(coalesce(a, ARRAY[]))
SELECT nullif(ARRAY[1], ARRAY[1]), nullif(ARRAY[1], ARRAY[2])
SELECT ARRAY[1] IN (ARRAY[1], ARRAY[2]), ROW(1, 'a') IN (ROW(1, 'a'))
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE x IN (SELECT y FROM UNNEST(ARRAY[2, 3]) u(y)) ORDER BY 1
SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE EXISTS (SELECT 1 FROM UNNEST(ARRAY[2, 3]) u(y) WHERE y = x) ORDER BY 1
SELECT name FROM region r WHERE EXISTS (SELECT 1 FROM UNNEST(split(r.name, ' ')) u(w) WHERE w = 'EAST')
SELECT name FROM region r WHERE 'EAST' IN (SELECT w FROM UNNEST(split(r.name, ' ')) u(w))
SELECT name FROM region r WHERE NOT EXISTS (SELECT 1 FROM UNNEST(split(r.name, ' ')) u(w) WHERE w = 'EAST') ORDER BY 1
SELECT t.a = u.a FROM (VALUES ARRAY[1]) t(a) JOIN (VALUES ARRAY[1]) u(a) ON t.a = u.a
SELECT count(*) FROM nation n1 JOIN nation n2 ON ARRAY[n1.regionkey] = ARRAY[n2.regionkey]
SELECT t.n, u.m FROM (VALUES (1, ARRAY[1, 2]), (2, ARRAY[NULL])) t(n, a) JOIN (VALUES (10, ARRAY[1, 2]), (20, ARRAY[NULL]), (30, ARRAY[1])) u(m, a) ON t.a = u.a
SELECT count(*) FROM nation n JOIN region r ON ROW(n.regionkey, 'x') = ROW(r.regionkey, 'x')
SELECT n, x FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN UNNEST(transform(t.arr, v -> v + t.n)) AS u(x)
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr) CROSS JOIN UNNEST(transform(arr, v -> v + n)) AS u(x) ORDER BY 1, 2
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr), UNNEST(filter(arr, v -> v > n)) AS u(x) ORDER BY 1, 2
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr) LEFT JOIN UNNEST(filter(arr, v -> v > n)) AS u(x) ON true ORDER BY 1, 2
SELECT (SELECT sum(x) FROM UNNEST(transform(arr, v -> v * n)) AS u(x)) FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr) ORDER BY 1
SELECT (SELECT transform(arr, v -> v + t.n)) FROM (VALUES (1, ARRAY[1,2])) t(n, arr)
SELECT n.name, x FROM nation n CROSS JOIN UNNEST(transform(ARRAY[1,2], v -> v * n.nationkey)) AS u(x) WHERE n.nationkey < 3 ORDER BY 1, 2
SELECT n.name, x, o FROM nation n CROSS JOIN UNNEST(transform(ARRAY[1,2], v -> v + n.regionkey)) WITH ORDINALITY AS u(x, o) WHERE n.nationkey < 2 ORDER BY 1, 3
SELECT n, x, y FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN UNNEST(transform(arr, v -> v + n), transform(arr, v -> v * n * 10)) AS u(x, y)
SELECT n, k, v FROM (VALUES (2, MAP(ARRAY['a'], ARRAY[1]))) t(n, m) CROSS JOIN UNNEST(transform_values(m, (k, v) -> v * n)) AS u(k, v)
SELECT r.name, max(x) FROM region r CROSS JOIN UNNEST(transform(ARRAY[1, 2], v -> v + r.regionkey)) AS u(x) GROUP BY r.name ORDER BY 1
SELECT n, s FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN LATERAL (SELECT reduce(arr, n, (s, v) -> s + v, s -> s) AS s) l
SELECT n, x, y FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN UNNEST(transform(t.arr, v -> v + t.n), transform(t.arr, v -> v * t.n * 10)) AS u(x, y)
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (2, ARRAY[3])) t(n, arr) CROSS JOIN UNNEST(transform(arr, v -> v + n)) AS u(x) WHERE x > 2
SELECT name, (SELECT max(x) FROM UNNEST(transform(ARRAY[1, 2], v -> v * n.nationkey)) u(x)) FROM nation n WHERE nationkey < 3 ORDER BY 1
SELECT n.name, l.s FROM nation n CROSS JOIN LATERAL (SELECT transform(ARRAY[1, 2], v -> v + n.regionkey) AS s) l WHERE n.nationkey < 2 ORDER BY 1
SELECT n.name, l.c FROM nation n CROSS JOIN LATERAL (SELECT count(*) c FROM region r WHERE any_match(ARRAY[r.regionkey], v -> v = n.regionkey)) l WHERE n.nationkey < 3 ORDER BY 1
SELECT n, x FROM (VALUES (1, ARRAY[1,2]), (5, ARRAY[3])) t(n, arr) CROSS JOIN UNNEST(transform(t.arr, v -> v + t.n)) AS u(x) ORDER BY 1, 2
SELECT transform(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e.s)
SELECT filter(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar)), CAST(ROW(2,'b') AS ROW(i int, s varchar))], e -> e.i > 1)
SELECT transform(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e[1])
SELECT transform(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e.s || 'x')
SELECT any_match(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar))], e -> e.i = 1 AND e.s = 'a')
SELECT reduce(ARRAY[CAST(ROW(1,'a') AS ROW(i int, s varchar)), CAST(ROW(2,'b') AS ROW(i int, s varchar))], 0, (acc, e) -> acc + e.i, acc -> acc)
SELECT name, transform(ARRAY[1, 2], x -> x + nationkey) FROM nation WHERE nationkey < 3 ORDER BY 1
SELECT name FROM nation WHERE any_match(ARRAY[1, 2, 3], x -> x = regionkey) ORDER BY 1 LIMIT 5
SELECT regionkey, sum(cardinality(filter(ARRAY[1, 2, 3, 4], x -> x <= nationkey))) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, transform(array_agg(nationkey ORDER BY nationkey), x -> x * regionkey) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, filter(array_agg(name ORDER BY name), s -> s LIKE 'A%') FROM nation GROUP BY regionkey ORDER BY 1
SELECT name, transform(ARRAY[1], x -> x + rank() OVER (ORDER BY nationkey)) FROM nation WHERE nationkey < 3 ORDER BY 1
SELECT name, sum(nationkey) OVER (PARTITION BY regionkey ORDER BY nationkey), transform(ARRAY[nationkey], x -> x * 2) FROM nation WHERE regionkey = 1 ORDER BY nationkey
SELECT n.name, r.name, transform(ARRAY[n.nationkey, r.regionkey], x -> x * 10) FROM nation n JOIN region r ON n.regionkey = r.regionkey WHERE n.nationkey < 3 ORDER BY 1
SELECT r.name, zip_with(ARRAY[1, 2], ARRAY[3, 4], (a, b) -> a * b + r.regionkey) FROM region r ORDER BY 1
SELECT r.name, map_filter(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> v > r.regionkey) FROM region r ORDER BY 1
SELECT r.name, transform_keys(MAP(ARRAY[1, 2], ARRAY['a', 'b']), (k, v) -> k + r.regionkey) FROM region r ORDER BY 1
SELECT r, count(*) FROM (SELECT CAST(ROW(regionkey, regionkey % 2) AS ROW(a bigint, b bigint)) r FROM nation) GROUP BY r ORDER BY r.a
SELECT r.a, count(*) FROM (SELECT CAST(ROW(regionkey, name) AS ROW(a bigint, b varchar)) r FROM nation) GROUP BY r.a ORDER BY 1
SELECT x.r.a, y.r.b FROM (SELECT CAST(ROW(1, 'x') AS ROW(a int, b varchar)) r) x JOIN (SELECT CAST(ROW(1, 'y') AS ROW(a int, b varchar)) r) y ON x.r.a = y.r.a
SELECT x.k FROM (VALUES (ROW(1, 2), 1), (ROW(1, 3), 2)) x(r, k) JOIN (VALUES (ROW(1, 2))) y(r) ON x.r = y.r
SELECT a, count(*) FROM (VALUES (ARRAY[1, 2]), (ARRAY[1, 2]), (ARRAY[3])) t(a) GROUP BY a ORDER BY 2 DESC
SELECT m, count(*) FROM (VALUES (MAP(ARRAY['a'], ARRAY[1])), (MAP(ARRAY['a'], ARRAY[1]))) t(m) GROUP BY m
SELECT a, row_number() OVER (PARTITION BY a ORDER BY k) FROM (VALUES (ARRAY[1], 1), (ARRAY[1], 2), (ARRAY[2], 3)) t(a, k) ORDER BY k
SELECT r, rank() OVER (ORDER BY r) FROM (VALUES ROW(CAST(ROW(2, 'b') AS ROW(x int, y varchar))), ROW(CAST(ROW(1, 'a') AS ROW(x int, y varchar)))) t(r) ORDER BY 2
SELECT DISTINCT a FROM (VALUES (ARRAY[1, 2]), (ARRAY[1, 2]), (ARRAY[3])) t(a) ORDER BY a
SELECT max(r), min(r) FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, y varchar))), (CAST(ROW(2, 'b') AS ROW(x int, y varchar)))) t(r)
SELECT array_agg(r ORDER BY r.x DESC) FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, y varchar))), (CAST(ROW(2, 'b') AS ROW(x int, y varchar)))) t(r)
SELECT n.name, a FROM nation n CROSS JOIN UNNEST(ARRAY[n.regionkey, n.nationkey]) AS u(a) WHERE n.nationkey = 5 ORDER BY 2
SELECT n.name, x, y FROM nation n CROSS JOIN UNNEST(ARRAY[n.name], ARRAY[n.nationkey, n.regionkey]) AS u(x, y) WHERE n.nationkey = 5
SELECT r.name, e.i, e.s FROM region r CROSS JOIN UNNEST(ARRAY[CAST(ROW(r.regionkey, r.name) AS ROW(i bigint, s varchar))]) AS e(i, s) ORDER BY 1 LIMIT 2
SELECT x, count(*) FROM nation n CROSS JOIN UNNEST(ARRAY[n.regionkey % 2]) AS u(x) GROUP BY x ORDER BY 1
SELECT x, sum(x) OVER (ORDER BY x) FROM UNNEST(ARRAY[3, 1, 2]) AS u(x) ORDER BY 1
SELECT n.name, u.x FROM nation n LEFT JOIN LATERAL (SELECT x FROM UNNEST(ARRAY[n.regionkey]) u(x) WHERE x > 2) u ON true WHERE n.nationkey < 4 ORDER BY 1
SELECT n.name, l.m FROM nation n CROSS JOIN LATERAL (SELECT max(x) m FROM UNNEST(ARRAY[n.nationkey, n.regionkey]) u(x)) l WHERE n.nationkey < 3 ORDER BY 1
SELECT n, arr, cardinality(arr) FROM (SELECT regionkey n, array_agg(nationkey) arr FROM nation GROUP BY regionkey) WHERE n < 2 ORDER BY 1
SELECT n, x FROM (SELECT regionkey n, array_agg(nationkey ORDER BY nationkey) arr FROM nation GROUP BY regionkey) CROSS JOIN UNNEST(arr) AS u(x) WHERE n = 0 ORDER BY 2
SELECT element_at(m, 'a'), m['b'] FROM (VALUES MAP(ARRAY['a', 'b'], ARRAY[1, 2])) t(m)
SELECT transform(ARRAY[ARRAY[1, 2], ARRAY[3]], a -> transform(a, x -> x * cardinality(a)))
SELECT transform(ARRAY[1, 2], x -> transform(ARRAY[10], y -> x + y + n)) FROM (VALUES 100) t(n)
SELECT filter(ARRAY[1, 2, 3], x -> x IN (1, 3))
SELECT transform(ARRAY['a', 'b'], s -> upper(s) || CAST(length(s) AS varchar))
SELECT transform(ARRAY[1, NULL, 3], x -> coalesce(x, 0))
SELECT transform(ARRAY[1, 2], x -> CASE WHEN x > 1 THEN 'big' ELSE 'small' END)
SELECT r.name, array_sort(transform(ARRAY[3, 1, 2], x -> x * r.regionkey)) FROM region r ORDER BY 1 LIMIT 2
SELECT name FROM region r WHERE cardinality(filter(split(r.comment, ' '), w -> length(w) > r.regionkey + 8)) > 0 ORDER BY 1
SELECT name FROM nation WHERE cardinality(filter(ARRAY[1, 2, 3], x -> x > regionkey)) = 2 ORDER BY 1
SELECT name FROM nation ORDER BY reduce(ARRAY[nationkey, regionkey], 0, (s, x) -> s - x, s -> s), name LIMIT 3
SELECT name, sum(cardinality(transform(ARRAY[1, 2], x -> x + nationkey))) OVER (PARTITION BY regionkey) FROM nation WHERE nationkey < 5 ORDER BY 1
SELECT regionkey, max(transform(ARRAY[nationkey], x -> x * 2)[1]) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, array_agg(transform(ARRAY[nationkey], x -> x + regionkey) ORDER BY nationkey) FROM nation WHERE nationkey < 6 GROUP BY regionkey ORDER BY 1
SELECT transform(ARRAY[1, 2], x -> x + regionkey), count(*) FROM nation GROUP BY transform(ARRAY[1, 2], x -> x + regionkey) ORDER BY 1
SELECT regionkey, transform(ARRAY[1], x -> x + count(*)) FROM nation GROUP BY regionkey
SELECT regionkey, c, transform(ARRAY[c], x -> x * 2) FROM (SELECT regionkey, count(*) c FROM nation GROUP BY regionkey) ORDER BY 1
SELECT n.name, x FROM nation n CROSS JOIN UNNEST(filter(ARRAY[0, 1, 2, 3, 4], v -> v = n.regionkey)) AS u(x) WHERE n.nationkey < 4 ORDER BY 1
SELECT r.name, count(x) FROM region r LEFT JOIN UNNEST(filter(ARRAY[1, 2, 3], v -> v < r.regionkey)) AS u(x) ON true GROUP BY r.name ORDER BY 1
SELECT r.name, x, y FROM region r CROSS JOIN UNNEST(ARRAY[r.regionkey], transform(ARRAY[r.name], s -> lower(s))) AS u(x, y) ORDER BY 1 LIMIT 3
SELECT r.name, (SELECT array_agg(x ORDER BY x) FROM UNNEST(transform(ARRAY[2, 1], v -> v * r.regionkey)) u(x)) FROM region r ORDER BY 1
SELECT r.name FROM region r WHERE EXISTS (SELECT 1 FROM UNNEST(transform(ARRAY[1, 2], v -> v + r.regionkey)) u(x) WHERE x = 4) ORDER BY 1
SELECT r.name FROM region r WHERE 5 IN (SELECT x FROM UNNEST(transform(ARRAY[1, 2], v -> v + r.regionkey)) u(x)) ORDER BY 1
SELECT t.r.a, t.r.b FROM (SELECT CAST(ROW(nationkey, name) AS ROW(a bigint, b varchar)) r FROM nation WHERE nationkey < 2) t ORDER BY 1
SELECT x.r.b, y.name FROM (SELECT CAST(ROW(regionkey, name) AS ROW(a bigint, b varchar)) r FROM region) x JOIN nation y ON x.r.a = y.regionkey WHERE y.nationkey < 3 ORDER BY 2
SELECT r.a, count(*) FROM (SELECT CAST(ROW(regionkey, nationkey) AS ROW(a bigint, b bigint)) r FROM nation) GROUP BY r.a ORDER BY 1
SELECT r, count(*) FROM (SELECT CAST(ROW(regionkey % 2, 'x') AS ROW(a bigint, b varchar)) r FROM nation) GROUP BY r ORDER BY r.a
SELECT max_by(r, r.b), min_by(r, r.b) FROM (SELECT CAST(ROW(name, nationkey) AS ROW(a varchar, b bigint)) r FROM nation)
SELECT r.a, row_number() OVER (PARTITION BY r.a ORDER BY r.b DESC) FROM (SELECT CAST(ROW(regionkey, nationkey) AS ROW(a bigint, b bigint)) r FROM nation WHERE nationkey < 6) ORDER BY r.b
SELECT lag(r) OVER (ORDER BY r.b) FROM (SELECT CAST(ROW(regionkey, nationkey) AS ROW(a bigint, b bigint)) r FROM nation WHERE nationkey < 3) ORDER BY r.b
SELECT a, first_value(a) OVER (ORDER BY k) FROM (VALUES (ARRAY[1], 1), (ARRAY[2, 3], 2)) t(a, k) ORDER BY k
SELECT m['k'], count(*) FROM (SELECT MAP(ARRAY['k'], ARRAY[regionkey]) m FROM nation) GROUP BY m['k'] ORDER BY 1
SELECT x.a, y.a FROM (VALUES (ARRAY[1, 2])) x(a) JOIN (VALUES (ARRAY[1, 2]), (ARRAY[3])) y(a) ON x.a = y.a
SELECT x.m FROM (VALUES (MAP(ARRAY[1], ARRAY['a']))) x(m) JOIN (VALUES (MAP(ARRAY[1], ARRAY['a']))) y(m) ON x.m = y.m
SELECT DISTINCT r FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, y varchar))), (CAST(ROW(1, 'a') AS ROW(x int, y varchar)))) t(r, z)
SELECT a FROM (VALUES ARRAY[1, 2], ARRAY[1, 2], ARRAY[3]) t(a) UNION SELECT ARRAY[4] ORDER BY 1
SELECT a FROM (VALUES ARRAY[3], ARRAY[1, 2]) t(a) ORDER BY a DESC
SELECT r FROM (VALUES ROW(CAST(ROW(2, 'b') AS ROW(x int, y varchar))), ROW(CAST(ROW(1, 'a') AS ROW(x int, y varchar)))) t(r) ORDER BY r
SELECT n, zip(a, b) FROM (VALUES (1, ARRAY[1, 2], ARRAY['a', 'b'])) t(n, a, b)
SELECT n, x, y FROM (VALUES (1, ARRAY[1, 2], ARRAY['a', 'b'])) t(n, a, b) CROSS JOIN UNNEST(zip(a, b)) AS u(x, y)
SELECT n, e.field0 FROM (VALUES (1, ARRAY[1, 2])) t(n, a) CROSS JOIN UNNEST(zip(a, a)) AS u(e)
SELECT k, v FROM (SELECT map_agg(name, regionkey) m FROM region) CROSS JOIN UNNEST(m) AS u(k, v) ORDER BY v
SELECT x, count(*) FROM nation CROSS JOIN UNNEST(sequence(0, regionkey)) AS u(x) GROUP BY x ORDER BY 1
SELECT regionkey, array_join(array_sort(array_agg(DISTINCT substr(name, 1, 1))), ',') FROM nation GROUP BY regionkey ORDER BY 1
SELECT name, transform(split(comment, ' '), w -> length(w))[1] FROM region ORDER BY 1
SELECT * FROM UNNEST(ARRAY[1, 2]) WITH ORDINALITY AS u(x, o) WHERE o > 1
SELECT u.*, t.n FROM (VALUES 7) t(n) CROSS JOIN UNNEST(ARRAY['a', 'b']) WITH ORDINALITY u(s, o)
SELECT name, rank() OVER (PARTITION BY cardinality(filter(ARRAY[1, 2, 3], x -> x <= regionkey)) ORDER BY name) FROM nation WHERE nationkey < 6 ORDER BY 1
SELECT name, sum(nationkey) OVER (ORDER BY transform(ARRAY[nationkey], x -> -x)[1]) FROM nation WHERE nationkey < 4 ORDER BY 1
SELECT regionkey, array_agg(name) FILTER (WHERE any_match(ARRAY['A', 'E'], p -> name LIKE p || '%')) FROM nation GROUP BY regionkey ORDER BY 1
SELECT count_if(any_match(ARRAY[1, 2], x -> x = regionkey)) FROM nation
SELECT regionkey, reduce(array_agg(nationkey), 0, (s, x) -> s + x * regionkey, s -> s) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, transform(array_agg(CAST(ROW(nationkey, name) AS ROW(k bigint, n varchar))), r -> r.n) FROM nation WHERE nationkey < 5 GROUP BY regionkey ORDER BY 1
SELECT regionkey, filter(array_agg(CAST(ROW(nationkey, name) AS ROW(k bigint, n varchar))), r -> r.k > regionkey * 5) FROM nation WHERE nationkey < 12 GROUP BY regionkey ORDER BY 1
SELECT n.name, transform(ARRAY[CAST(ROW(r.name, r.regionkey) AS ROW(a varchar, b bigint))], e -> e.a || n.name) FROM nation n JOIN region r ON n.regionkey = r.regionkey WHERE n.nationkey < 3 ORDER BY 1
SELECT e.a, e.b FROM (SELECT CAST(ROW(name, regionkey) AS ROW(a varchar, b bigint)) e FROM region) ORDER BY e.b DESC LIMIT 2
SELECT x, y FROM (VALUES 1) t(n) CROSS JOIN UNNEST(ARRAY[CAST(ROW(1, 'a') AS ROW(x int, y varchar))]) AS u(x, y)
SELECT t.n, u.x FROM (VALUES 1, 2) t(n) LEFT JOIN LATERAL (SELECT x FROM UNNEST(sequence(1, t.n)) s(x) WHERE x > 1) u ON true ORDER BY 1, 2
SELECT t.n, u.c FROM (VALUES ARRAY[1, 2], ARRAY[3]) t(n) CROSS JOIN LATERAL (SELECT count(*) c FROM UNNEST(t.n)) u ORDER BY 2
SELECT n, (SELECT array_agg(y ORDER BY y DESC) FROM UNNEST(a) u(y)) FROM (VALUES (1, ARRAY[3, 1, 2])) t(n, a)
SELECT n, (SELECT max(y) FROM UNNEST(filter(a, v -> v < n)) u(y)) FROM (VALUES (2, ARRAY[3, 1, 2]), (4, ARRAY[5])) t(n, a) ORDER BY 1
SELECT a, transform(a, x -> x + (SELECT 1)) FROM (VALUES ARRAY[1]) t(a)
SELECT transform(ARRAY[1, 2], x -> x IS NULL), transform(ARRAY[1, NULL], x -> x IS NULL)
SELECT transform(ARRAY['1', '2'], x -> CAST(x AS integer) + 1)
SELECT transform(ARRAY[1, 2], x -> ROW(x, x * 2))
SELECT transform(ARRAY[1, 2], x -> ARRAY[x, x])
SELECT transform(ARRAY[1, 2], x -> MAP(ARRAY['k'], ARRAY[x]))
SELECT transform(MAP(ARRAY['a'], ARRAY[1]), (k, v) -> v)
SELECT map_filter(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> k = 'a' AND v > 0)
SELECT transform_values(MAP(ARRAY['a', 'b'], ARRAY[1, 2]), (k, v) -> k || CAST(v AS varchar))
SELECT zip_with(ARRAY['a', 'b'], ARRAY[1, 2], (x, y) -> ROW(x, y))
SELECT array_sort(ARRAY[3, 1, 2], (a, b) -> IF(a < b, 1, IF(a = b, 0, -1)))
SELECT all_match(ARRAY[], x -> x > 0), any_match(ARRAY[], x -> x > 0), none_match(ARRAY[], x -> x > 0)
SELECT find_first(ARRAY[1, 2, 3], x -> x > 1)
SELECT r.name, find_first(ARRAY[1, 2, 3], x -> x > r.regionkey) FROM region r ORDER BY 1
SELECT r.name, array_sort(ARRAY[3, 1, 2], (a, b) -> IF(a * r.regionkey < b, -1, 1)) FROM region r ORDER BY 1 LIMIT 2
SELECT transform(ARRAY[1.5, 2.5], x -> x * 2)
SELECT transform(ARRAY[DATE '2024-01-01'], d -> d + INTERVAL '1' DAY)
SELECT transform(ARRAY[1, 2], x -> x / 0)
SELECT filter(ARRAY[1, 2], x -> 1 / (x - 1) > 0)
SELECT transform(ARRAY[1, 2], x -> x + y) FROM (VALUES 1) t(z)
SELECT transform(ARRAY[1, 2], (x, y) -> x)
SELECT transform(ARRAY[1, 2], x -> 'a' + x)
VALUES (ROW(2, 'b'), 1)
SELECT x.k FROM (VALUES (ROW(1, 2), 1), (ROW(1, 3), 2)) x(r, k) JOIN (VALUES (ROW(1, 2), 0)) y(r, z) ON x.r = y.r
SELECT * FROM (VALUES (ROW(1, ')'), 'x')) t(r, s)
SELECT (ROW(1, 'a'), 2) IN ((ROW(1, 'a'), 2))
SELECT * FROM (VALUES (ROW(2, 'b'), 1)) t(r, n) WHERE nosuch = 1
SELECT n, x, y FROM (VALUES (1, ARRAY[1,2])) t(n, arr) CROSS JOIN UNNEST(ARRAY[n], arr) AS u(x, y)
SELECT transform_values(MAP(ARRAY['a'], ARRAY[1]), v -> v)
SELECT zip_with(ARRAY[1], ARRAY[2], x -> x)
SELECT regionkey, filter(array_agg(name ORDER BY name), s -> length(s) > regionkey + 5) FROM nation GROUP BY regionkey ORDER BY 1
SELECT regionkey, count(*) FROM nation GROUP BY regionkey HAVING any_match(array_agg(nationkey), x -> x = regionkey * 6) ORDER BY 1
SELECT transform(ARRAY[1, 2], x -> filter(ARRAY[1, 2, 3], y -> y > x))
SELECT transform(ARRAY[1, 2], x -> transform(ARRAY[10], y -> transform(ARRAY[100], z -> x + y + z)))
SELECT transform(ARRAY[1, 2], x -> transform(ARRAY[10], x -> x + 1))
SELECT reduce(ARRAY[1, 2], 0, (s, x) -> s + cardinality(filter(ARRAY[1, 2, 3], y -> y <= x)), s -> s)
SELECT transform(ARRAY[1], x -> nationkey + x) FROM nation WHERE nationkey = 3
SELECT n.name, transform(ARRAY[1, 2], x -> transform(ARRAY[n.regionkey], y -> x * 10 + y + n.nationkey)) FROM nation n WHERE n.nationkey < 2 ORDER BY 1
VALUES CAST(ROW(1,2) AS ROW(x int, y int))
SELECT * FROM (VALUES CAST(ROW(1,'a') AS ROW(x int, y varchar))) t(a, b)
SELECT a FROM (VALUES (CAST(ROW(1, 'a') AS ROW(x int, y varchar))), (CAST(ROW(2, 'b') AS ROW(x int, y varchar)))) t(a, b) ORDER BY 1
VALUES CAST(ROW(1) AS ROW(x int))
SELECT r FROM (VALUES ROW(CAST(ROW(2, 'b') AS ROW(x int, y varchar)))) t(r)
SELECT transform(ARRAY[1], x -> x + count(*)) FROM nation
SELECT regionkey, transform(ARRAY[1], x -> x + max(nationkey)) FROM nation GROUP BY regionkey
SELECT (SELECT x FROM UNNEST(ARRAY[count(*)]) u(x)) FROM nation
SELECT n, (SELECT count(*) FROM UNNEST(ARRAY[max(n)]) u(x)) FROM (VALUES 1) t(n)
SELECT * FROM (VALUES 1) t(n) CROSS JOIN UNNEST(ARRAY[count(*)]) u(x)
SELECT u.x FROM UNNEST(ARRAY[1,2]) AS u
SELECT * FROM UNNEST(ARRAY[1,2]) AS u
SELECT CAST(ROW(1, 2) AS ROW(int, int))
SELECT CAST(ROW(1, 2) AS ROW(int, int))[1], CAST(ROW(1, 2) AS ROW(int, int))[2]
SELECT CAST(ROW(1, 'a') AS ROW(bigint, varchar))
SELECT CAST(ROW(1, 2.5) AS ROW(double, decimal(5,2)))
SELECT CAST(ROW(1, 2) AS ROW(x int, int))
SELECT CAST(ROW(1, ROW(2, 'b')) AS ROW(bigint, ROW(int, varchar(3))))
SELECT CAST(ARRAY[ROW(1, 'a')] AS array(row(bigint, varchar)))
SELECT CAST(x AS array(row(bigint, varchar))) FROM (VALUES ARRAY[ROW(1, 'a'), ROW(2, 'b')]) t(x)
SELECT CAST(MAP(ARRAY['k'], ARRAY[ROW(1, 2)]) AS map(varchar, row(double, double)))
SELECT typeof(CAST(ROW(1, 2) AS ROW(int, int)))
SELECT CAST(ROW(1, 2) AS ROW(int, double)).x
SELECT CAST(ROW(1, 2) AS ROW(double precision, timestamp(3)))
SELECT CAST(ROW(1, 2) AS ROW(int))
SELECT CAST(NULL AS ROW(int, varchar))
SELECT TRY_CAST(ROW('x', 2) AS ROW(int, int))
SELECT CAST(ROW('a', 'b') AS ROW(char(2), varchar))
SELECT ARRAY[CAST('a' AS char(3))]
SELECT ARRAY[CAST('a' AS char(3)), CAST('bc' AS char(2))]
SELECT ARRAY[CAST('a' AS char(2)), 'xyz']
SELECT CAST(ARRAY['a', 'bcd'] AS array(char(3)))
SELECT CAST(ARRAY['abcd'] AS array(char(2)))
SELECT CAST(x AS array(char(3))) FROM (VALUES ARRAY['a', 'b  ']) t(x)
SELECT MAP(ARRAY[CAST('a' AS char(3))], ARRAY[CAST('b' AS char(2))])
SELECT CAST(MAP(ARRAY['a'], ARRAY['b']) AS map(char(2), char(3)))
SELECT ROW(CAST('a' AS char(3)), 1)
SELECT CAST(ROW('a', 1) AS ROW(c char(3), n int))
SELECT ARRAY[CAST('a' AS char(3))][1], typeof(ARRAY[CAST('a' AS char(3))][1])
SELECT element_at(ARRAY[CAST('a' AS char(3))], 1)
SELECT ROW(CAST('a' AS char(3)), 1)[1]
SELECT x FROM UNNEST(ARRAY[CAST('a' AS char(3)), CAST('b' AS char(3))]) t(x) ORDER BY x
SELECT cardinality(ARRAY[CAST('a' AS char(3))]), contains(ARRAY[CAST('a' AS char(3))], CAST('a' AS char(3)))
SELECT CASE WHEN n = 1 THEN CAST('a' AS char(2)) ELSE CAST('bcd' AS char(4)) END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT CASE n WHEN 1 THEN CAST('a' AS char(2)) ELSE 'xyz' END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT CASE WHEN n = 1 THEN CAST('a' AS char(2)) ELSE CAST('xyz' AS varchar(5)) END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT COALESCE(c, CAST('bcd' AS char(4))) FROM (VALUES CAST('a' AS char(2)), NULL) t(c)
SELECT COALESCE(c, 'xyz') FROM (VALUES CAST('a' AS char(2)), NULL) t(c)
SELECT IF(n = 1, CAST('a' AS char(2)), 'xyz') FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT COALESCE(CAST(NULL AS char(2)), CAST('bcd' AS char(4)))
SELECT COALESCE(CAST(NULL AS char(2)), 'x')
SELECT greatest(CAST('a' AS char(2)), CAST('bcd' AS char(4))), least(CAST('a' AS char(2)), CAST('bcd' AS char(4)))
SELECT IF(true, CAST('a' AS char(2)), CAST('bcd' AS char(4)))
SELECT NULLIF(CAST('a' AS char(2)), CAST('a' AS char(4)))
SELECT x FROM (SELECT CAST('a' AS char(2)) UNION ALL SELECT CAST('bcd' AS char(4))) t(x) ORDER BY x
SELECT x FROM (SELECT CAST('a' AS char(2)) UNION SELECT 'xyz') t(x) ORDER BY x
SELECT CAST('a' AS char(3)) = 'a', CAST('a' AS char(3)) = 'a  ', CAST('a' AS char(3)) < 'a '
SELECT CAST('a' AS char(3)) IN ('a', 'b'), CAST('a' AS char(3)) IN ('a  ', 'b'), CAST('c' AS char(3)) NOT IN ('a', 'b')
SELECT 'a' IN (CAST('a' AS char(3)), CAST('b' AS char(2)))
SELECT x FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(3))) t(x) WHERE x IN ('a', 'c')
SELECT x FROM (VALUES 'a ', 'b') t(x) WHERE x IN (CAST('a' AS char(3)), CAST('b' AS char(3))) ORDER BY x
SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) JOIN (VALUES 'a') u(y) ON x = y
SELECT x, y FROM (VALUES CAST('a' AS char(3))) t(x) JOIN (VALUES CAST('a  ' AS varchar)) u(y) ON x = y
SELECT x, y FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(3))) t(x) LEFT JOIN (VALUES 'a', 'b ') u(y) ON x = y ORDER BY x
SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) WHERE x IN (SELECT 'a')
SELECT n.name FROM nation n JOIN (VALUES CAST('BRAZIL' AS char(10))) t(c) ON n.name = c
SELECT count(*) FROM nation WHERE CAST(name AS char(20)) IN ('BRAZIL', 'CHINA')
SELECT x, count(*) FROM (VALUES CAST('a' AS char(3)), CAST('a ' AS char(3)), CAST('b' AS char(3))) t(x) GROUP BY x ORDER BY x
SELECT DISTINCT x FROM (VALUES CAST('a' AS char(3)), CAST('a  ' AS char(3))) t(x)
SELECT count(DISTINCT x) FROM (VALUES CAST('a' AS char(3)), CAST('a ' AS char(3))) t(x)
SELECT max(x), min(x) FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(2))) t(x)
SELECT array_sort(array_agg(x)) FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(3))) t(x)
SELECT typeof(x) FROM (VALUES ROW(CAST('a' AS char(3)), 1)) t(x)
SELECT CAST(ARRAY[CAST('a' AS char(3))] AS array(varchar))
SELECT CAST(ROW(CAST('a' AS char(3))) AS ROW(varchar))
SELECT CAST(ROW(1, 2) AS ROW(int, int)) = ROW(1, 2)
SELECT CAST(x AS ROW(int, varchar)) FROM (VALUES ROW(1, 'a'), ROW(2, 'b')) t(x) ORDER BY 1
SELECT r[2] FROM (SELECT CAST(ROW(1, 'z') AS ROW(bigint, varchar)) r)
SELECT CAST(ROW(1, 2) AS ROW(a int, b int)).a
SELECT CAST(ROW(1, NULL) AS ROW(int, array(int)))
SELECT CAST(JSON '[1, "a"]' AS ROW(bigint, varchar))
SELECT CAST(ROW(1, 2) AS ROW(timestamp(3) with time zone, int))
SELECT CAST(ROW('a', 'b') AS ROW(char(2), char(3))) = ROW(CAST('a' AS char(2)), CAST('b' AS char(3)))
SELECT TRY_CAST(ARRAY['abc'] AS array(char(2)))
SELECT CAST(ARRAY[CAST('a' AS char(3))] AS array(char(1)))
SELECT CAST(ARRAY[ARRAY['a']] AS array(array(char(2))))
SELECT CAST(NULL AS array(char(2)))
SELECT array_distinct(ARRAY[CAST('a' AS char(2)), CAST('a ' AS char(2))])
SELECT array_max(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))])
SELECT map_keys(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1]))
SELECT ARRAY[CAST('a' AS char(2))] = ARRAY[CAST('a ' AS char(2))]
SELECT contains(ARRAY[CAST('a' AS char(2))], 'a')
SELECT ARRAY[CAST('a' AS char(2))] || ARRAY[CAST('b' AS char(2))]
SELECT array_join(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], ',')
SELECT CAST(x AS char(3)) = y FROM (VALUES ('a', 'a  ')) t(x, y)
SELECT x FROM (VALUES CAST('a' AS char(3)), CAST('b' AS char(3))) t(x) WHERE x NOT IN ('a')
SELECT count(*) FROM (VALUES CAST('a' AS char(3))) t(x) WHERE x IN (CAST('a' AS varchar), 'b')
SELECT x FROM (VALUES 'a', 'b') t(x) WHERE x IN (SELECT CAST('a' AS char(3)))
SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) WHERE EXISTS (SELECT 1 FROM (VALUES 'a') u(y) WHERE y = x)
SELECT * FROM (VALUES CAST('a' AS char(2))) t(x) FULL JOIN (VALUES 'a', 'c') u(y) ON x = y ORDER BY y
SELECT CAST(x AS varchar) = 'a  ' FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT greatest(c, 'b') FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT NULLIF(c, 'a') FROM (VALUES CAST('a' AS char(2)), CAST('b' AS char(2))) t(c) ORDER BY 1
SELECT ARRAY[c, 'xyz'] FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT ROW(c, 'x') FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT MAP(ARRAY[c], ARRAY[c]) FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT max_by(c, n), min_by(c, n) FROM (VALUES (CAST('a' AS char(2)), 1), (CAST('b' AS char(2)), 2)) t(c, n)
SELECT c || 'x' FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT length(c), c LIKE 'a%' FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT transform(ARRAY[CAST('a' AS char(2))], x -> x || '.')
SELECT transform(ARRAY[CAST('a' AS char(2))], x -> length(x))
SELECT filter(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], x -> x = 'a')
SELECT any_match(ARRAY[CAST('a' AS char(2))], x -> x = 'a ')
SELECT CAST(ARRAY[CAST('a' AS char(2))] AS json)
SELECT array_position(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], 'b')
SELECT map_entries(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1]))
SELECT x || '|' FROM UNNEST(ARRAY[CAST('a' AS char(2))]) t(x)
SELECT zip(ARRAY[CAST('a' AS char(2))], ARRAY[1])
SELECT transform_values(MAP(ARRAY[1], ARRAY[CAST('a' AS char(2))]), (k, v) -> v || '.')
SELECT CAST(ARRAY[CAST('a' AS char(2))] AS array(varchar(5)))
SELECT a[1] || '.' FROM (VALUES ARRAY[CAST('a' AS char(2))]) t(a)
SELECT r[1] || '.' FROM (VALUES ROW(CAST('a' AS char(2)), 1)) t(r)
SELECT json_format(CAST(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[CAST('b' AS char(2))]) AS json))
SELECT element_at(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1]), 'a')
SELECT MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1])[CAST('a ' AS char(2))]
SELECT array_sort(ARRAY[CAST('b' AS char(2)), CAST('a' AS char(2))])
SELECT CASE WHEN true THEN CAST('a' AS char(2)) ELSE CAST('bcd' AS char(4)) END
SELECT CASE WHEN true THEN CAST('a' AS char(2)) ELSE 'xyz' END
SELECT COALESCE(CAST('a' AS char(2)), CAST('bcd' AS char(4)))
SELECT COALESCE(c, 'xyz') FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT COALESCE('a', 'xyz')
SELECT CASE WHEN true THEN 'a' ELSE 'xyz' END
SELECT CAST(c AS varchar(5)) FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT CAST(CAST('a' AS char(2)) AS varchar(5))
SELECT CAST(x AS varchar) = 'a  ', CAST(x AS varchar) = 'a' FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT CAST(x AS varchar(5)) = 'a', CAST(x AS varchar(5)) FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) JOIN (VALUES 'a') u(y) ON CAST(x AS varchar) = y
SELECT x FROM (VALUES CAST('a' AS char(3))) t(x) JOIN (VALUES 'a  ') u(y) ON CAST(x AS varchar) = y
SELECT CAST(x AS varchar) IN ('a', 'b') FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT CAST(x AS varchar) || '|' FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT CAST(CAST('a' AS char(3)) AS varchar) = 'a'
SELECT a, count(*) FROM (VALUES ARRAY[CAST('a' AS char(2))], ARRAY[CAST('a ' AS char(2))]) t(a) GROUP BY a
SELECT DISTINCT a FROM (VALUES ARRAY[CAST('a' AS char(2))], ARRAY[CAST('b' AS char(2))]) t(a) ORDER BY a
SELECT * FROM (VALUES ARRAY[CAST('a' AS char(2))], ARRAY[CAST('bcd' AS char(3))]) t(a) ORDER BY a
SELECT x FROM (SELECT ARRAY[CAST('a' AS char(2))] UNION ALL SELECT ARRAY[CAST('bcd' AS char(3))]) t(x) ORDER BY x
SELECT CASE WHEN n = 1 THEN ARRAY[CAST('a' AS char(2))] ELSE ARRAY[CAST('bcd' AS char(3))] END FROM (VALUES 1, 2) t(n) ORDER BY n
SELECT COALESCE(r, ROW(CAST('x' AS char(3)), 1)) FROM (VALUES ROW(CAST('a' AS char(2)), 2)) t(r)
SELECT c, rank() OVER (ORDER BY c) FROM (VALUES CAST('b' AS char(2)), CAST('a' AS char(2))) t(c) ORDER BY c
SELECT lag(c) OVER (ORDER BY c) FROM (VALUES CAST('b' AS char(2)), CAST('a' AS char(2))) t(c) ORDER BY 1 NULLS FIRST
SELECT transform(ARRAY[1, 2], x -> c) FROM (VALUES CAST('a' AS char(2))) t(c)
SELECT CAST(ROW(1, 'a') AS ROW(bigint, char(3))).field0
SELECT r[1], r[2] FROM (VALUES CAST(ROW(1, 'a') AS ROW(bigint, char(3)))) t(r)
SELECT CAST(ARRAY[CAST('a' AS char(2))] AS json)
SELECT json_format(CAST(ROW(CAST('a' AS char(2)), 1) AS json))
SELECT contains(ARRAY[CAST('a' AS char(2))], 'a '), array_position(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], 'b')
SELECT cardinality(array_distinct(ARRAY[CAST('a' AS char(2)), CAST('a ' AS char(2))]))
SELECT element_at(MAP(ARRAY[CAST('a' AS char(2))], ARRAY[1]), CAST('a' AS char(2)))
SELECT map_values(MAP(ARRAY[1], ARRAY[CAST('a' AS char(2))]))
SELECT slice(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], 1, 1)
SELECT array_remove(ARRAY[CAST('a' AS char(2)), CAST('b' AS char(2))], CAST('a' AS char(2)))
SELECT upper(c), lower(c), trim(c), rtrim(c) FROM (VALUES CAST('a' AS char(3))) t(c)
SELECT CAST(ROW(1, 2) AS ROW(int, int)) IS NULL
SELECT x.* FROM (VALUES CAST(ROW(1, 'a') AS ROW(int, varchar))) t(x)
SELECT CAST(r AS ROW(varchar, varchar)) FROM (VALUES ROW(1, 'a')) t(r)
SELECT ARRAY[CAST(ROW(1, 2) AS ROW(int, int)), ROW(3, 4)]
SELECT CAST(ROW(1, 2.5) AS ROW(a int, b double)) = CAST(ROW(1, 2.5) AS ROW(int, double))
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 3 FOLLOWING) FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) FROM (VALUES 1, 2, 2, 4, 5) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS 2 PRECEDING) FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS CURRENT ROW) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 3 FOLLOWING AND 1 FOLLOWING) FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 2 PRECEDING) FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x ROWS BETWEEN 10 FOLLOWING AND UNBOUNDED FOLLOWING) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES 1, 2, 2, 4, 5, 7) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x DESC RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES 1, 2, 2, 4, 5, 7) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 2 PRECEDING AND 1 PRECEDING) FROM (VALUES 1, 2, 2, 4, 5, 7) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 1 FOLLOWING AND 3 FOLLOWING) FROM (VALUES 1, 2, 2, 4, 5, 7) t(x) ORDER BY x
SELECT x, count(x) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES 1, NULL, 2, NULL, 4) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x NULLS FIRST RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, NULL, 2, NULL, 4) t(x) ORDER BY x NULLS FIRST
SELECT x, count(*) OVER (ORDER BY x DESC NULLS LAST RANGE BETWEEN CURRENT ROW AND 2 FOLLOWING) FROM (VALUES 1, NULL, 2, NULL, 4) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) FROM (VALUES 1, NULL, 2, 3, 4) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 0.5 PRECEDING AND 0.5 FOLLOWING) FROM (VALUES 1.0, 1.5, 2.0, 3.2) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM (VALUES DOUBLE '1.0', 2.4, 2.6, 4.0) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES DOUBLE '1.0', nan(), infinity(), -infinity(), 2.0) t(x) ORDER BY x
SELECT d, count(*) OVER (ORDER BY d RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES DATE '2024-01-01', DATE '2024-01-02', DATE '2024-01-04', DATE '2024-01-05') t(d) ORDER BY d
SELECT d, count(*) OVER (ORDER BY d RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW) FROM (VALUES DATE '2024-01-31', DATE '2024-02-29', DATE '2024-03-30', DATE '2024-03-31') t(d) ORDER BY d
SELECT d, count(*) OVER (ORDER BY d DESC RANGE BETWEEN INTERVAL '2' DAY PRECEDING AND INTERVAL '1' DAY FOLLOWING) FROM (VALUES DATE '2024-01-01', DATE '2024-01-02', DATE '2024-01-04', DATE '2024-01-05') t(d) ORDER BY d
SELECT ts, count(*) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM (VALUES TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-01-01 10:30:00', TIMESTAMP '2024-01-01 11:00:00', TIMESTAMP '2024-01-01 12:00:01') t(ts) ORDER BY ts
SELECT ts, count(*) OVER (ORDER BY ts RANGE BETWEEN INTERVAL '1' YEAR PRECEDING AND CURRENT ROW) FROM (VALUES TIMESTAMP '2023-01-01 10:00:00', TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-06-01 00:00:00') t(ts) ORDER BY ts
SELECT d, count(*) OVER (ORDER BY d RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES DATE '2024-01-01', DATE '2024-01-02') t(d)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x, y RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 2), (2, 3)) t(x, y)
SELECT x, sum(x) OVER (RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN y PRECEDING AND CURRENT ROW) FROM (VALUES (1, -1), (2, 1)) t(x, y)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN y PRECEDING AND CURRENT ROW) FROM (VALUES (1, NULL), (2, 1)) t(x, y)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN y PRECEDING AND CURRENT ROW) FROM (VALUES (1, 0), (2, 1), (3, 2), (4, 0)) t(x, y) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN y PRECEDING AND CURRENT ROW) FROM (VALUES (1, 0), (2, 1), (3, 2), (4, 0)) t(x, y) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN y PRECEDING AND CURRENT ROW) FROM (VALUES (1, -1), (2, 1)) t(x, y)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED FOLLOWING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND UNBOUNDED PRECEDING) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND 1 PRECEDING) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x ROWS UNBOUNDED FOLLOWING) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES 1, 2, 2, 4, 5, 5) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x DESC GROUPS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM (VALUES 1, 2, 2, 4, NULL, NULL) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x GROUPS 1 PRECEDING) FROM (VALUES 1, 2, 2, 4) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x, y GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1), (1, 2), (2, 1)) t(x, y) ORDER BY x, y
SELECT x, sum(x) OVER (GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (GROUPS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x GROUPS BETWEEN 2 FOLLOWING AND 1 FOLLOWING) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND CURRENT ROW EXCLUDE CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (ORDER BY x RANGE CURRENT ROW) FROM (VALUES 1, 1, 2) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND CURRENT ROW) FROM (VALUES 1, 1, 2) t(x) ORDER BY x
SELECT x, nth_value(x, 2) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, nth_value(x, 2) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, nth_value(x, 5) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, nth_value(x, 0) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x)
SELECT x, nth_value(x, -1) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x)
SELECT x, nth_value(x, NULL) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, nth_value(x, 2) IGNORE NULLS OVER (ORDER BY y ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM (VALUES (NULL, 1), (2, 2), (NULL, 3), (4, 4)) t(x, y) ORDER BY y
SELECT y, first_value(x) IGNORE NULLS OVER (ORDER BY y), last_value(x) IGNORE NULLS OVER (ORDER BY y) FROM (VALUES (NULL, 1), (2, 2), (NULL, 3), (4, 4)) t(x, y) ORDER BY y
SELECT y, first_value(x) RESPECT NULLS OVER (ORDER BY y), last_value(x) RESPECT NULLS OVER (ORDER BY y ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM (VALUES (NULL, 1), (2, 2), (NULL, 3), (4, 4)) t(x, y) ORDER BY y
SELECT y, lag(x) IGNORE NULLS OVER (ORDER BY y), lead(x) IGNORE NULLS OVER (ORDER BY y), lag(x, 2, -1) IGNORE NULLS OVER (ORDER BY y) FROM (VALUES (NULL, 1), (2, 2), (NULL, 3), (4, 4), (5, 5)) t(x, y) ORDER BY y
SELECT y, lag(x, 1, 0) OVER (ORDER BY y), lead(x, 2, 99) OVER (ORDER BY y), lag(x, 0) OVER (ORDER BY y) FROM (VALUES (NULL, 1), (2, 2), (NULL, 3), (4, 4)) t(x, y) ORDER BY y
SELECT y, lag(x, -1) OVER (ORDER BY y) FROM (VALUES (1, 1), (2, 2)) t(x, y)
SELECT y, lag(x, NULL) OVER (ORDER BY y) FROM (VALUES (1, 1), (2, 2)) t(x, y)
SELECT y, lead(x, 1, 'a') OVER (ORDER BY y) FROM (VALUES (1, 1), (2, 2)) t(x, y)
SELECT y, lag(x, 1, 2.5) OVER (ORDER BY y) FROM (VALUES (1, 1), (2, 2)) t(x, y) ORDER BY y
SELECT y, lag(x) OVER (ORDER BY y ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1), (2, 2)) t(x, y)
SELECT y, lag(x) OVER () FROM (VALUES (1, 1), (2, 2)) t(x, y)
SELECT y, row_number() OVER (ORDER BY y ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1), (2, 2)) t(x, y)
SELECT y, rank() OVER () FROM (VALUES (1, 1), (2, 2)) t(x, y)
SELECT x, ntile(3) OVER (ORDER BY x) FROM (VALUES 1, 2, 3, 4, 5, 6, 7) t(x) ORDER BY x
SELECT x, ntile(10) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, ntile(0) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x)
SELECT x, ntile(NULL) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x)
SELECT x, ntile(y) OVER (ORDER BY x) FROM (VALUES (1, 2), (2, 3), (3, 1)) t(x, y) ORDER BY x
SELECT x, percent_rank() OVER (ORDER BY x), cume_dist() OVER (ORDER BY x), rank() OVER (ORDER BY x), dense_rank() OVER (ORDER BY x), row_number() OVER (ORDER BY x) FROM (VALUES 1, 2, 2, 3, NULL, NULL) t(x) ORDER BY x
SELECT x, percent_rank() OVER (ORDER BY x DESC NULLS FIRST), cume_dist() OVER (ORDER BY x DESC NULLS FIRST) FROM (VALUES 1, 2, 2, 3, NULL) t(x) ORDER BY x
SELECT percent_rank() OVER (), cume_dist() OVER (), rank() OVER (ORDER BY 1) FROM (VALUES 1, 2) t(x)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, n_name, rank() OVER w, sum(n_nationkey) OVER w FROM nation WINDOW w AS (PARTITION BY n_regionkey ORDER BY n_name) ORDER BY 1, 2
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, n_name, sum(n_nationkey) OVER (w ORDER BY n_name) FROM nation WINDOW w AS (PARTITION BY n_regionkey) ORDER BY 1, 2
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, n_name, sum(n_nationkey) OVER (w ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM nation WINDOW w AS (PARTITION BY n_regionkey ORDER BY n_name) ORDER BY 1, 2
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, n_name, sum(n_nationkey) OVER (w PARTITION BY n_regionkey) FROM nation WINDOW w AS (ORDER BY n_name)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, n_name, sum(n_nationkey) OVER (w ORDER BY n_nationkey) FROM nation WINDOW w AS (PARTITION BY n_regionkey ORDER BY n_name)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, n_name, sum(n_nationkey) OVER (w2 ROWS CURRENT ROW) FROM nation WINDOW w1 AS (PARTITION BY n_regionkey), w2 AS (w1 ORDER BY n_name) ORDER BY 1, 2
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_name, sum(n_nationkey) OVER w FROM nation WINDOW w AS (PARTITION BY n_regionkey ROWS CURRENT ROW), w AS (ORDER BY n_name)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_name, sum(n_nationkey) OVER x FROM nation WINDOW w AS (PARTITION BY n_regionkey)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_name, sum(n_nationkey) OVER (w ROWS CURRENT ROW) FROM nation WINDOW w AS (PARTITION BY n_regionkey ROWS CURRENT ROW)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, count(*), rank() OVER (ORDER BY count(*) DESC), sum(count(*)) OVER () FROM nation GROUP BY n_regionkey ORDER BY 1
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, sum(n_nationkey), sum(sum(n_nationkey)) OVER (ORDER BY n_regionkey ROWS UNBOUNDED PRECEDING) FROM nation GROUP BY n_regionkey ORDER BY 1
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT DISTINCT n_regionkey, count(*) OVER (PARTITION BY n_regionkey) FROM nation ORDER BY 1
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT DISTINCT rank() OVER (ORDER BY n_regionkey) FROM nation ORDER BY 1
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, count(*) FROM nation GROUP BY n_regionkey HAVING count(*) > 4 ORDER BY rank() OVER (ORDER BY n_regionkey DESC)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_name FROM nation ORDER BY row_number() OVER (ORDER BY n_name DESC) LIMIT 3
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_name, row_number() OVER (ORDER BY n_name) AS rn FROM nation ORDER BY rn DESC LIMIT 3
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT * FROM (SELECT n_name, n_regionkey, row_number() OVER (PARTITION BY n_regionkey ORDER BY n_name) rn FROM nation) WHERE rn = 1 ORDER BY n_regionkey
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation), r AS (SELECT n_regionkey, n_name, dense_rank() OVER (PARTITION BY n_regionkey ORDER BY n_nationkey DESC) dr FROM nation) SELECT n_regionkey, n_name FROM r WHERE dr <= 2 ORDER BY 1, 2
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation), region AS (SELECT regionkey r_regionkey, name r_name, comment r_comment FROM tpch.tiny.region) SELECT r_name, n_name, count(*) OVER (PARTITION BY r_name), rank() OVER (PARTITION BY r.r_regionkey ORDER BY n_nationkey) FROM nation n JOIN region r ON n.n_regionkey = r.r_regionkey ORDER BY 1, 2
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders), customer AS (SELECT custkey c_custkey, name c_name, address c_address, nationkey c_nationkey, phone c_phone, acctbal c_acctbal, mktsegment c_mktsegment, comment c_comment FROM tpch.tiny.customer) SELECT c_custkey, sum(o_totalprice) OVER (PARTITION BY c_custkey ORDER BY o_orderdate ROWS 1 PRECEDING) FROM customer LEFT JOIN orders ON c_custkey = o_custkey WHERE c_custkey < 5 ORDER BY c_custkey, o_orderdate
SELECT x FROM (VALUES 1, 2) t(x) WHERE row_number() OVER () = 1
SELECT count(*) FROM (VALUES 1, 2) t(x) GROUP BY rank() OVER (ORDER BY x)
SELECT sum(rank() OVER (ORDER BY x)) FROM (VALUES 1, 2) t(x)
SELECT x FROM (VALUES 1, 2) t(x) GROUP BY x HAVING rank() OVER (ORDER BY x) > 1
SELECT rank() OVER (ORDER BY rank() OVER (ORDER BY x)) FROM (VALUES 1, 2) t(x)
SELECT x, rank(x) OVER (ORDER BY x) FROM (VALUES 1, 2) t(x)
SELECT x, row_number(1) OVER () FROM (VALUES 1, 2) t(x)
SELECT x, abs(x) OVER () FROM (VALUES 1, 2) t(x)
SELECT x, foo(x) OVER () FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) FILTER (WHERE x > 1) OVER () FROM (VALUES 1, 2) t(x)
SELECT x, count(DISTINCT x) OVER (ORDER BY x) FROM (VALUES 1, 1, 2) t(x) ORDER BY x
SELECT x, rank(DISTINCT) OVER (ORDER BY x) FROM (VALUES 1, 2) t(x)
SELECT y, count_if(x > 1) OVER (ORDER BY y), bool_and(x > 1) OVER (ORDER BY y), bool_or(x > 3) OVER (ORDER BY y), every(x > 0) OVER (ORDER BY y) FROM (VALUES (1, 1), (2, 2), (3, 3), (NULL, 4)) t(x, y) ORDER BY y
SELECT y, stddev(x) OVER (ORDER BY y), stddev_pop(x) OVER (ORDER BY y), variance(x) OVER (ORDER BY y), var_pop(x) OVER (ORDER BY y ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1), (2, 2), (4, 3), (NULL, 4)) t(x, y) ORDER BY y
SELECT y, approx_distinct(x) OVER (ORDER BY y), max_by(x, y) OVER (), min_by(x, y) OVER (ORDER BY y DESC), arbitrary(x) OVER (PARTITION BY y) FROM (VALUES (1, 1), (2, 2), (2, 3), (NULL, 4)) t(x, y) ORDER BY y
SELECT y, map_agg(y, x) OVER (ORDER BY y), checksum(x) OVER (ORDER BY y), array_agg(x) OVER (ORDER BY y ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1), (2, 2), (2, 3), (NULL, 4)) t(x, y) ORDER BY y
SELECT y, avg(x) OVER (ORDER BY y), sum(x) OVER (ORDER BY y), min(x) OVER (ORDER BY y ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING), max(x) OVER (ORDER BY y RANGE BETWEEN 1 PRECEDING AND 1 PRECEDING) FROM (VALUES (1, 1), (2, 2), (2, 3), (NULL, 4)) t(x, y) ORDER BY y
SELECT y, avg(x) OVER (ORDER BY y), sum(x) OVER (ORDER BY y ROWS 1 PRECEDING) FROM (VALUES (DECIMAL '1.10', 1), (2.25, 2), (NULL, 3)) t(x, y) ORDER BY y
SELECT y, geometric_mean(x) OVER (ORDER BY y), bitwise_and_agg(x) OVER (ORDER BY y), bitwise_or_agg(x) OVER (), kurtosis(x) OVER (), skewness(x) OVER (), corr(x, y) OVER (), covar_samp(x, y) OVER (ORDER BY y) FROM (VALUES (1, 1), (2, 2), (6, 3), (4, 4)) t(x, y) ORDER BY y
SELECT y, approx_percentile(x, 0.5) OVER (ORDER BY y), approx_set(x) IS NULL OVER () FROM (VALUES (1, 1), (2, 2), (6, 3)) t(x, y) ORDER BY y
SELECT y, approx_percentile(x, 0.5) OVER (ORDER BY y) FROM (VALUES (1, 1), (2, 2), (6, 3)) t(x, y) ORDER BY y
SELECT y, sum(x) OVER (ORDER BY y) FROM (VALUES (9223372036854775807, 1), (1, 2)) t(x, y)
SELECT y, count(*) OVER (ORDER BY y RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING), count(*) OVER (PARTITION BY y % 2) FROM (VALUES 1, 2, 3) t(y) ORDER BY y
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_orderpriority, count(*) OVER (PARTITION BY o_orderpriority), avg(o_totalprice) OVER (PARTITION BY o_orderpriority) FROM orders ORDER BY o_orderkey LIMIT 5
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_orderkey, o_orderdate, sum(o_totalprice) OVER (ORDER BY o_orderdate RANGE BETWEEN INTERVAL '3' DAY PRECEDING AND CURRENT ROW) FROM orders WHERE o_orderkey < 200 ORDER BY o_orderdate, o_orderkey
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_orderkey, count(*) OVER (ORDER BY o_totalprice RANGE BETWEEN 1000 PRECEDING AND 1000 FOLLOWING) FROM orders WHERE o_orderkey < 100 ORDER BY o_orderkey
WITH lineitem AS (SELECT orderkey l_orderkey, partkey l_partkey, suppkey l_suppkey, linenumber l_linenumber, quantity l_quantity, extendedprice l_extendedprice, discount l_discount, tax l_tax, returnflag l_returnflag, linestatus l_linestatus, shipdate l_shipdate, commitdate l_commitdate, receiptdate l_receiptdate, shipinstruct l_shipinstruct, shipmode l_shipmode, comment l_comment FROM tpch.tiny.lineitem) SELECT l_orderkey, l_linenumber, l_quantity, lag(l_quantity, 2) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber), first_value(l_quantity) OVER (PARTITION BY l_orderkey ORDER BY l_quantity DESC, l_linenumber) FROM lineitem WHERE l_orderkey < 8 ORDER BY 1, 2
WITH lineitem AS (SELECT orderkey l_orderkey, partkey l_partkey, suppkey l_suppkey, linenumber l_linenumber, quantity l_quantity, extendedprice l_extendedprice, discount l_discount, tax l_tax, returnflag l_returnflag, linestatus l_linestatus, shipdate l_shipdate, commitdate l_commitdate, receiptdate l_receiptdate, shipinstruct l_shipinstruct, shipmode l_shipmode, comment l_comment FROM tpch.tiny.lineitem) SELECT l_orderkey, l_linenumber, ntile(2) OVER (PARTITION BY l_orderkey ORDER BY l_linenumber), percent_rank() OVER (PARTITION BY l_orderkey ORDER BY l_quantity) FROM lineitem WHERE l_orderkey < 8 ORDER BY 1, 2
WITH lineitem AS (SELECT orderkey l_orderkey, partkey l_partkey, suppkey l_suppkey, linenumber l_linenumber, quantity l_quantity, extendedprice l_extendedprice, discount l_discount, tax l_tax, returnflag l_returnflag, linestatus l_linestatus, shipdate l_shipdate, commitdate l_commitdate, receiptdate l_receiptdate, shipinstruct l_shipinstruct, shipmode l_shipmode, comment l_comment FROM tpch.tiny.lineitem) SELECT count(*) FROM (SELECT row_number() OVER (PARTITION BY l_suppkey ORDER BY l_extendedprice DESC) rn FROM lineitem) WHERE rn <= 3
WITH lineitem AS (SELECT orderkey l_orderkey, partkey l_partkey, suppkey l_suppkey, linenumber l_linenumber, quantity l_quantity, extendedprice l_extendedprice, discount l_discount, tax l_tax, returnflag l_returnflag, linestatus l_linestatus, shipdate l_shipdate, commitdate l_commitdate, receiptdate l_receiptdate, shipinstruct l_shipinstruct, shipmode l_shipmode, comment l_comment FROM tpch.tiny.lineitem), supplier AS (SELECT suppkey s_suppkey, name s_name, address s_address, nationkey s_nationkey, phone s_phone, acctbal s_acctbal, comment s_comment FROM tpch.tiny.supplier) SELECT s_suppkey, sum(l_quantity) OVER (PARTITION BY s_suppkey), max(l_quantity) OVER (PARTITION BY s_nationkey) FROM supplier JOIN lineitem ON s_suppkey = l_suppkey WHERE s_suppkey = 1 ORDER BY l_orderkey, l_linenumber LIMIT 3
SELECT x, first_value(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 1 PRECEDING) FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT x, last_value(x) OVER (ORDER BY x RANGE BETWEEN 1 FOLLOWING AND 2 FOLLOWING) FROM (VALUES 1, 2, 4) t(x) ORDER BY x
SELECT x, array_agg(x) OVER (ORDER BY x ROWS BETWEEN 5 FOLLOWING AND 6 FOLLOWING) FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT x, sum(x) OVER (PARTITION BY x > 1 ORDER BY x DESC) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x NULLS FIRST) FROM (VALUES 1, NULL, 3, NULL) t(x) ORDER BY x NULLS FIRST
SELECT x, row_number() OVER (ORDER BY x) FROM (VALUES 'b', 'a', NULL) t(x) ORDER BY x
SELECT x, lag(x) OVER (ORDER BY x), lead(x, 1, x) OVER (ORDER BY x) FROM (VALUES ARRAY[1], ARRAY[2]) t(x) ORDER BY x
SELECT x, rank() OVER (ORDER BY map(ARRAY[x], ARRAY[x])) FROM (VALUES 1, 2) t(x)
SELECT x, count(*) OVER (PARTITION BY ROW(x, x) ORDER BY ARRAY[x]) FROM (VALUES 1, 2, 1) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 'a', 'b') t(x)
SELECT x, sum(y) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES (TIMESTAMP '2024-01-01 00:00:00 UTC', 1), (TIMESTAMP '2024-01-01 12:00:00 UTC', 2), (TIMESTAMP '2024-01-03 00:00:00 UTC', 3)) t(x, y) ORDER BY x
SELECT x, sum(y) OVER (ORDER BY x RANGE BETWEEN 5 PRECEDING AND CURRENT ROW) FROM (VALUES (REAL '1.5', 1), (REAL '7', 2), (REAL '12.5', 3)) t(x, y) ORDER BY x
SELECT x, sum(y) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (TINYINT '1', 1), (TINYINT '2', 2), (TINYINT '127', 3)) t(x, y) ORDER BY x
SELECT x, sum(y) OVER (ORDER BY x RANGE BETWEEN 9223372036854775807 PRECEDING AND 9223372036854775807 FOLLOWING) FROM (VALUES (BIGINT '1', 1), (-9223372036854775807, 2), (9223372036854775807, 3)) t(x, y) ORDER BY x
SELECT x, sum(y) OVER (ORDER BY x RANGE BETWEEN 0.25 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1), (2, 2)) t(x, y) ORDER BY x
SELECT x, sum(y) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (DECIMAL '1.5', 1), (2.4, 2), (2.6, 3)) t(x, y) ORDER BY x
SELECT x, sum(y) OVER (ORDER BY x ROWS BETWEEN BIGINT '1' PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1), (2, 2)) t(x, y) ORDER BY x
SELECT x, sum(y) OVER (ORDER BY x ROWS BETWEEN 1 + 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1), (2, 2), (3, 3)) t(x, y) ORDER BY x
SELECT x, sum(x) IGNORE NULLS OVER (ORDER BY x) FROM (VALUES 1, 2) t(x)
SELECT x, row_number() IGNORE NULLS OVER (ORDER BY x) FROM (VALUES 1, 2) t(x)
SELECT x, first_value(x) IGNORE NULLS OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) FROM (VALUES 1, NULL, NULL, 4) t(x) ORDER BY x
SELECT y, last_value(x) IGNORE NULLS OVER (ORDER BY y ROWS BETWEEN 2 PRECEDING AND 1 PRECEDING) FROM (VALUES (1, 1), (NULL, 2), (NULL, 3), (4, 4)) t(x, y) ORDER BY y
SELECT y, nth_value(x, 1) IGNORE NULLS OVER (ORDER BY y ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) FROM (VALUES (NULL, 1), (NULL, 2), (3, 3), (NULL, 4)) t(x, y) ORDER BY y
SELECT y, lead(x, 0) IGNORE NULLS OVER (ORDER BY y) FROM (VALUES (NULL, 1), (2, 2)) t(x, y) ORDER BY y
SELECT y, lag(x, 3, 0) IGNORE NULLS OVER (ORDER BY y) FROM (VALUES (1, 1), (NULL, 2), (3, 3), (NULL, 4), (5, 5)) t(x, y) ORDER BY y
SELECT y, lag(x, y) OVER (ORDER BY y) FROM (VALUES (10, 1), (20, 2), (30, 3), (40, 4)) t(x, y) ORDER BY y
SELECT y, lead(x, 9223372036854775807) OVER (ORDER BY y) FROM (VALUES (10, 1), (20, 2)) t(x, y) ORDER BY y
SELECT y, nth_value(x, 9223372036854775807) OVER (ORDER BY y) FROM (VALUES (10, 1), (20, 2)) t(x, y) ORDER BY y
SELECT y, ntile(9223372036854775807) OVER (ORDER BY y) FROM (VALUES (10, 1), (20, 2)) t(x, y) ORDER BY y
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, n_name, first_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_name DESC), last_value(n_name) OVER (PARTITION BY n_regionkey ORDER BY n_name DESC ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM nation ORDER BY 1, 2
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, n_name, nth_value(n_name, 3) OVER (PARTITION BY n_regionkey ORDER BY n_nationkey RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM nation ORDER BY 1, 2
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, count(*) OVER (), count(*) OVER (PARTITION BY n_regionkey), count(n_comment) OVER (ORDER BY n_regionkey RANGE CURRENT ROW) FROM nation ORDER BY n_nationkey LIMIT 6
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, max(n_name) OVER (PARTITION BY n_regionkey), min(n_name) OVER (ORDER BY n_nationkey ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) FROM nation ORDER BY n_nationkey
WITH region AS (SELECT regionkey r_regionkey, name r_name, comment r_comment FROM tpch.tiny.region) SELECT r_regionkey, sum(r_regionkey) OVER (ORDER BY r_regionkey GROUPS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), sum(r_regionkey) OVER (ORDER BY r_regionkey GROUPS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) FROM region ORDER BY 1
WITH region AS (SELECT regionkey r_regionkey, name r_name, comment r_comment FROM tpch.tiny.region) SELECT r_regionkey, array_agg(r_regionkey) OVER (ORDER BY r_regionkey DESC GROUPS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM region ORDER BY 1
SELECT x, array_agg(x) OVER (ORDER BY x DESC NULLS FIRST RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES 1, 2, 3, NULL, 5) t(x) ORDER BY x
SELECT x, array_agg(x) OVER (ORDER BY x ASC NULLS FIRST RANGE BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) FROM (VALUES 1, 2, 3, NULL, 5) t(x) ORDER BY x
SELECT x, array_agg(x) OVER (ORDER BY x RANGE BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) FROM (VALUES 1, 2, 3, NULL, NULL, 5) t(x) ORDER BY x
SELECT x, array_agg(x) OVER (ORDER BY x RANGE BETWEEN 2 PRECEDING AND 1 FOLLOWING) FROM (VALUES DOUBLE '1.5', 2.5, nan(), infinity(), -infinity()) t(x) ORDER BY x
SELECT x, array_agg(x) OVER (ORDER BY x DESC RANGE BETWEEN 0.5 PRECEDING AND 0.25 FOLLOWING) FROM (VALUES DECIMAL '1.00', 1.25, 1.50, 2.00) t(x) ORDER BY x
SELECT x, array_agg(x) OVER (ORDER BY x RANGE BETWEEN DECIMAL '99999999999999999999.5' PRECEDING AND CURRENT ROW) FROM (VALUES DECIMAL '1.5', 2.5) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1e0 PRECEDING AND 1e0 FOLLOWING) FROM (VALUES 1, 2, 4) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN REAL '0.5' PRECEDING AND CURRENT ROW) FROM (VALUES REAL '1', REAL '1.5', REAL '3') t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN nan() PRECEDING AND CURRENT ROW) FROM (VALUES 1e0, 2e0) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN infinity() PRECEDING AND CURRENT ROW) FROM (VALUES 1e0, 2e0) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES TIMESTAMP '2024-01-01 00:00:00.123456', TIMESTAMP '2024-01-02 00:00:00.123456', TIMESTAMP '2024-01-02 00:00:00.123457') t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '0.001' SECOND PRECEDING AND CURRENT ROW) FROM (VALUES TIMESTAMP '2024-01-01 00:00:00.000', TIMESTAMP '2024-01-01 00:00:00.001', TIMESTAMP '2024-01-01 00:00:00.003') t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW) FROM (VALUES TIME '10:00:00') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES INTERVAL '1' DAY, INTERVAL '2' DAY, INTERVAL '5' DAY) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES INTERVAL '1' DAY) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES TIMESTAMP '2024-01-01 00:00:00', NULL) t(x) ORDER BY x
SELECT k, x, sum(x) OVER (PARTITION BY k ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES (1, 1), (1, 2), (2, 2), (2, 3), (1, NULL), (2, NULL)) t(k, x) ORDER BY k, x
SELECT * FROM (SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND CURRENT ROW) s FROM (VALUES 1, 2) t(x)) ORDER BY s DESC
SELECT x, avg(x) OVER (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES REAL '1.5', REAL '2.5', REAL '4') t(x) ORDER BY x
SELECT x, avg(x) OVER w, sum(x) OVER w, min(x) OVER w FROM (VALUES INTERVAL '1' DAY, INTERVAL '3' DAY) t(x) WINDOW w AS (ORDER BY x) ORDER BY x
SELECT x, max(x) OVER (ORDER BY x ROWS 1 PRECEDING), min(x) OVER () FROM (VALUES ARRAY[1, 2], ARRAY[1], ARRAY[3]) t(x) ORDER BY x
SELECT x, max(x) OVER () FROM (VALUES map(ARRAY[1], ARRAY[2])) t(x)
SELECT x, count(x) OVER (ORDER BY x) FROM (VALUES ROW(1, 'a'), ROW(2, 'b')) t(x) ORDER BY x
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_orderstatus, o_orderpriority, count(*), sum(count(*)) OVER (PARTITION BY o_orderstatus), rank() OVER (PARTITION BY o_orderstatus ORDER BY count(*) DESC) FROM orders GROUP BY o_orderstatus, o_orderpriority ORDER BY 1, 2
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_orderstatus, count(*), grouping(o_orderstatus), rank() OVER (ORDER BY count(*)) FROM orders GROUP BY ROLLUP (o_orderstatus) ORDER BY 1
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_orderstatus, avg(o_totalprice), avg(avg(o_totalprice)) OVER () FROM orders GROUP BY o_orderstatus HAVING count(*) > 10 ORDER BY 1
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT DISTINCT o_orderstatus, count(*) OVER (PARTITION BY o_orderstatus) FROM orders ORDER BY 1
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT DISTINCT o_orderstatus, rank() OVER (ORDER BY o_orderstatus) FROM orders ORDER BY 2
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT count(DISTINCT o_orderstatus) OVER () FROM orders LIMIT 1
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_custkey, count(*) OVER (PARTITION BY o_custkey) c FROM orders ORDER BY c DESC, o_custkey LIMIT 5
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_custkey, o_orderkey FROM orders WHERE o_custkey < 10 ORDER BY rank() OVER (PARTITION BY o_custkey ORDER BY o_totalprice DESC), o_custkey, o_orderkey LIMIT 8
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_custkey FROM orders WHERE o_custkey < 10 GROUP BY o_custkey ORDER BY sum(count(*)) OVER (ORDER BY o_custkey) DESC LIMIT 3
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders), customer AS (SELECT custkey c_custkey, name c_name, address c_address, nationkey c_nationkey, phone c_phone, acctbal c_acctbal, mktsegment c_mktsegment, comment c_comment FROM tpch.tiny.customer) SELECT c_name, (SELECT max(rn) FROM (SELECT row_number() OVER (ORDER BY o_orderkey) rn FROM orders WHERE o_custkey = c_custkey)) FROM customer WHERE c_custkey < 5 ORDER BY 1
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders), customer AS (SELECT custkey c_custkey, name c_name, address c_address, nationkey c_nationkey, phone c_phone, acctbal c_acctbal, mktsegment c_mktsegment, comment c_comment FROM tpch.tiny.customer) SELECT c_custkey, (SELECT count(*) FROM orders o WHERE o.o_custkey = c.c_custkey) * rank() OVER (ORDER BY c_custkey) FROM customer c WHERE c_custkey < 5 ORDER BY 1
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders), customer AS (SELECT custkey c_custkey, name c_name, address c_address, nationkey c_nationkey, phone c_phone, acctbal c_acctbal, mktsegment c_mktsegment, comment c_comment FROM tpch.tiny.customer) SELECT c_custkey FROM customer WHERE c_custkey IN (SELECT o_custkey FROM (SELECT o_custkey, row_number() OVER (ORDER BY o_totalprice DESC) rn FROM orders) WHERE rn <= 3) ORDER BY 1
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders), a AS (SELECT o_custkey, sum(o_totalprice) OVER (PARTITION BY o_custkey) s FROM orders), b AS (SELECT DISTINCT o_custkey, s FROM a) SELECT o_custkey, rank() OVER (ORDER BY s DESC) FROM b ORDER BY 2, 1 LIMIT 5
SELECT x, rn FROM (SELECT x, row_number() OVER (ORDER BY x) rn FROM (VALUES 3, 1, 2) t(x) UNION ALL SELECT x, rank() OVER (ORDER BY x DESC) FROM (VALUES 5, 4) t(x)) ORDER BY 1
SELECT x, sum(x) OVER (ORDER BY x) FROM (SELECT x FROM (VALUES 5, 3, 1, 2) t(x) ORDER BY x LIMIT 3) ORDER BY x
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders), lineitem AS (SELECT orderkey l_orderkey, partkey l_partkey, suppkey l_suppkey, linenumber l_linenumber, quantity l_quantity, extendedprice l_extendedprice, discount l_discount, tax l_tax, returnflag l_returnflag, linestatus l_linestatus, shipdate l_shipdate, commitdate l_commitdate, receiptdate l_receiptdate, shipinstruct l_shipinstruct, shipmode l_shipmode, comment l_comment FROM tpch.tiny.lineitem) SELECT l.l_orderkey, l.l_linenumber, sum(l.l_quantity) OVER (PARTITION BY o.o_orderpriority ORDER BY l.l_orderkey, l.l_linenumber ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM lineitem l JOIN orders o ON l.l_orderkey = o.o_orderkey WHERE o.o_orderkey < 40 ORDER BY 1, 2
WITH part AS (SELECT partkey p_partkey, name p_name, mfgr p_mfgr, brand p_brand, type p_type, size p_size, container p_container, retailprice p_retailprice, comment p_comment FROM tpch.tiny.part) SELECT p_type, p_size, avg(p_retailprice) OVER (PARTITION BY p_type ORDER BY p_size RANGE BETWEEN 5 PRECEDING AND 5 FOLLOWING) FROM part WHERE p_type LIKE 'SMALL PLATED%' ORDER BY 1, 2, 3
WITH partsupp AS (SELECT partkey ps_partkey, suppkey ps_suppkey, availqty ps_availqty, supplycost ps_supplycost, comment ps_comment FROM tpch.tiny.partsupp) SELECT ps_partkey, ps_suppkey, percent_rank() OVER (PARTITION BY ps_partkey ORDER BY ps_supplycost), cume_dist() OVER (PARTITION BY ps_partkey ORDER BY ps_availqty DESC) FROM partsupp WHERE ps_partkey < 4 ORDER BY 1, 2
SELECT x, sum(x) OVER (), sum(x) OVER (ORDER BY x), sum(x) OVER (ORDER BY x DESC), sum(x) OVER (PARTITION BY x % 2 ORDER BY x) FROM (VALUES 1, 2, 3, 4) t(x) ORDER BY x
SELECT x, rank() OVER (ORDER BY x % 2, x DESC), dense_rank() OVER (ORDER BY x % 2) FROM (VALUES 1, 2, 3, 4) t(x) ORDER BY x
SELECT x, row_number() OVER (PARTITION BY NULL ORDER BY NULL) FROM (VALUES 1) t(x)
SELECT x, row_number() OVER (ORDER BY 1) FROM (VALUES 2, 1) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY 'a' RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1) t(x)
SELECT x, count(*) OVER (ORDER BY 5 RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT 1 + rank() OVER (ORDER BY x), CAST(row_number() OVER () AS varchar), coalesce(lag(x) OVER (ORDER BY x), -1) FROM (VALUES 2, 1) t(x) ORDER BY 1
SELECT CASE WHEN row_number() OVER (ORDER BY x) = 1 THEN 'first' ELSE 'other' END FROM (VALUES 2, 1) t(x) ORDER BY 1
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN 0 PRECEDING AND 0 FOLLOWING) FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x GROUPS BETWEEN 0 PRECEDING AND 0 FOLLOWING) FROM (VALUES 1, 1, 2) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x RANGE BETWEEN 0 PRECEDING AND 0 FOLLOWING) FROM (VALUES 1, 1, 2) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS 2147483648 PRECEDING) FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND 9223372036854775807 FOLLOWING) FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT x, sum(x) OVER (ORDER BY x GROUPS BETWEEN 9223372036854775807 PRECEDING AND 9223372036854775807 FOLLOWING) FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT x, approx_distinct(x, 0.01) OVER (), approx_most_frequent(2, x, 10) OVER (), numeric_histogram(2, x) OVER () IS NULL FROM (VALUES 1, 2, 2) t(x) ORDER BY x
SELECT x, histogram(x) OVER (ORDER BY x), multimap_agg(x, x) OVER (ORDER BY x), map_union(map(ARRAY[x], ARRAY[x])) OVER () FROM (VALUES 1, 2, 2) t(x) ORDER BY x
SELECT x, set_agg(x) OVER (ORDER BY x), array_agg(DISTINCT x) OVER (ORDER BY x DESC) FROM (VALUES 1, 2, 2) t(x) ORDER BY x
SELECT x, regr_slope(x, y) OVER (), regr_intercept(x, y) OVER (ORDER BY y), covar_pop(x, y) OVER (ORDER BY y ROWS 1 PRECEDING) FROM (VALUES (1, 2), (2, 4), (4, 5)) t(x, y) ORDER BY x
SELECT x, bool_and(x) OVER (ORDER BY x ROWS 1 PRECEDING), bool_or(x) OVER (ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 1 FOLLOWING) FROM (VALUES true, false, NULL) t(x) ORDER BY x
SELECT x, any_value(x) OVER (PARTITION BY x), arbitrary(x) OVER (ORDER BY x ROWS BETWEEN 5 FOLLOWING AND 6 FOLLOWING) FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT x, max_by(x, y) OVER (ORDER BY y), min_by(x, y, 2) OVER (), max_by(x, y, 2) OVER (ORDER BY y ROWS 1 PRECEDING) FROM (VALUES ('a', 3), ('b', 1), ('c', 2)) t(x, y) ORDER BY x
SELECT x, reduce_agg(x, 0, (a, b) -> a + b, (a, b) -> a + b) OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, listagg(x, ',') WITHIN GROUP (ORDER BY x) OVER (ORDER BY x DESC) FROM (VALUES 'a', 'b', NULL) t(x) ORDER BY x
SELECT x, checksum(x) OVER (PARTITION BY x), count_if(x > 1) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2, 2) t(x) ORDER BY x
SELECT x, geometric_mean(x) OVER (ORDER BY x ROWS 1 PRECEDING), stddev_samp(x) OVER (ORDER BY x ROWS 1 PRECEDING), var_samp(x) OVER (ORDER BY x ROWS CURRENT ROW) FROM (VALUES 1, 4, 9) t(x) ORDER BY x
SELECT x, sum(x) OVER (PARTITION BY y ORDER BY x), avg(x) OVER (PARTITION BY y) FROM (VALUES (DECIMAL '12345678901234567890.12', 1), (DECIMAL '0.01', 1)) t(x, y) ORDER BY x
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_name, n_regionkey, lag(n_name, 1, 'none') OVER (PARTITION BY n_regionkey ORDER BY n_name), lead(n_nationkey, 2) OVER (PARTITION BY n_regionkey ORDER BY n_name) FROM nation ORDER BY 2, 1
WITH customer AS (SELECT custkey c_custkey, name c_name, address c_address, nationkey c_nationkey, phone c_phone, acctbal c_acctbal, mktsegment c_mktsegment, comment c_comment FROM tpch.tiny.customer) SELECT c_mktsegment, c_name, c_acctbal, rank() OVER (PARTITION BY c_mktsegment ORDER BY c_acctbal DESC) r FROM customer ORDER BY c_mktsegment, r, c_name LIMIT 12
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_orderdate, sum(o_totalprice) OVER (ORDER BY o_orderdate ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) FROM (SELECT o_orderdate, sum(o_totalprice) o_totalprice FROM orders GROUP BY o_orderdate) ORDER BY 1 LIMIT 10
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT year(o_orderdate) y, sum(o_totalprice) s, lag(sum(o_totalprice)) OVER (ORDER BY year(o_orderdate)) prev, sum(o_totalprice) / lag(sum(o_totalprice)) OVER (ORDER BY year(o_orderdate)) growth FROM orders GROUP BY year(o_orderdate) ORDER BY 1
WITH lineitem AS (SELECT orderkey l_orderkey, partkey l_partkey, suppkey l_suppkey, linenumber l_linenumber, quantity l_quantity, extendedprice l_extendedprice, discount l_discount, tax l_tax, returnflag l_returnflag, linestatus l_linestatus, shipdate l_shipdate, commitdate l_commitdate, receiptdate l_receiptdate, shipinstruct l_shipinstruct, shipmode l_shipmode, comment l_comment FROM tpch.tiny.lineitem) SELECT l_returnflag, l_linestatus, sum(l_quantity), 100.0 * sum(l_quantity) / sum(sum(l_quantity)) OVER () pct FROM lineitem GROUP BY l_returnflag, l_linestatus ORDER BY 1, 2
WITH supplier AS (SELECT suppkey s_suppkey, name s_name, address s_address, nationkey s_nationkey, phone s_phone, acctbal s_acctbal, comment s_comment FROM tpch.tiny.supplier) SELECT s_name, s_acctbal, ntile(4) OVER (ORDER BY s_acctbal) q FROM supplier ORDER BY s_acctbal LIMIT 10
WITH part AS (SELECT partkey p_partkey, name p_name, mfgr p_mfgr, brand p_brand, type p_type, size p_size, container p_container, retailprice p_retailprice, comment p_comment FROM tpch.tiny.part) SELECT p_brand, count(*) c, dense_rank() OVER (ORDER BY count(*) DESC) dr FROM part GROUP BY p_brand ORDER BY dr, p_brand LIMIT 10
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_custkey, o_orderdate, o_orderdate - lag(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate) gap FROM orders WHERE o_custkey IN (1, 2, 4) ORDER BY 1, 2
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_custkey, date_diff('day', lag(o_orderdate) OVER (PARTITION BY o_custkey ORDER BY o_orderdate), o_orderdate) FROM orders WHERE o_custkey IN (1, 2) ORDER BY 1, o_orderdate
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_orderkey, o_totalprice, avg(o_totalprice) OVER (ORDER BY o_orderkey ROWS BETWEEN 2 PRECEDING AND 2 FOLLOWING) FROM orders WHERE o_orderkey < 40 ORDER BY 1
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation), region AS (SELECT regionkey r_regionkey, name r_name, comment r_comment FROM tpch.tiny.region) SELECT r_name, n_name, row_number() OVER (PARTITION BY r_name ORDER BY n_name) FROM region JOIN nation ON r_regionkey = n_regionkey ORDER BY 1, 3
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation), region AS (SELECT regionkey r_regionkey, name r_name, comment r_comment FROM tpch.tiny.region) SELECT * FROM (SELECT r_name, n_name, row_number() OVER (PARTITION BY r_name ORDER BY n_name DESC) rn FROM region, nation WHERE r_regionkey = n_regionkey) WHERE rn <= 2 ORDER BY 1, 3
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_name, first_value(n_name) OVER w, last_value(n_name) OVER w, nth_value(n_name, 2) OVER w FROM nation WINDOW w AS (ORDER BY n_nationkey ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY n_nationkey
SELECT x, sum(x) OVER (ORDER BY x) running, sum(x) OVER () total, round(100.0 * x / sum(x) OVER (), 2) pct FROM (VALUES 10, 20, 30, 40) t(x) ORDER BY x
SELECT g, x, first_value(x) OVER (PARTITION BY g ORDER BY x DESC NULLS LAST) FROM (VALUES ('a', 1), ('a', NULL), ('b', 3), ('b', 2)) t(g, x) ORDER BY g, x
SELECT g, count(*) FILTER (WHERE x > 1), rank() OVER (ORDER BY count(*) FILTER (WHERE x > 1) DESC) FROM (VALUES ('a', 1), ('a', 2), ('b', 3), ('b', 2)) t(g, x) GROUP BY g ORDER BY g
SELECT g, array_agg(x ORDER BY x) FILTER (WHERE x > 1) FROM (VALUES ('a', 1), ('a', 2), ('b', 3), ('b', 2)) t(g, x) GROUP BY g ORDER BY g
SELECT x, sum(x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) FROM UNNEST(ARRAY[3, 1, 2]) AS u(x) ORDER BY x
SELECT x, o, rank() OVER (ORDER BY o) FROM UNNEST(ARRAY['c', 'a', 'b']) WITH ORDINALITY AS u(x, o) ORDER BY o
SELECT k, v, row_number() OVER (PARTITION BY k ORDER BY v) FROM (VALUES (ARRAY[1], 2), (ARRAY[1], 1), (ARRAY[2], 3)) t(k, v) ORDER BY v
SELECT k, count(*) OVER (PARTITION BY k) FROM (VALUES ROW(1, 'a'), ROW(1, 'a'), ROW(2, 'b')) t(k) ORDER BY k
SELECT x, lag(x) OVER (ORDER BY x), lead(x) OVER (ORDER BY x) FROM (VALUES DATE '2024-01-01', DATE '2024-02-01') t(x) ORDER BY x
SELECT x, lag(x, 1, TIMESTAMP '2000-01-01 00:00:00') OVER (ORDER BY x) FROM (VALUES TIMESTAMP '2024-01-01 10:00:00.123') t(x)
SELECT x, lag(x, 1, 'zz') OVER (ORDER BY x) FROM (VALUES CAST('a' AS char(3))) t(x)
SELECT x, first_value(x) OVER (ORDER BY x), max(x) OVER () FROM (VALUES REAL '1.5', REAL 'NaN') t(x) ORDER BY x
SELECT x, rank() OVER (ORDER BY x) FROM (VALUES DOUBLE 'NaN', 1e0, -0e0, 0e0, infinity()) t(x) ORDER BY x
SELECT x, count(*) OVER (PARTITION BY x) FROM (VALUES -0e0, 0e0, nan(), nan()) t(x) ORDER BY x
SELECT x, dense_rank() OVER (ORDER BY x) FROM (VALUES 'B', 'a', 'A', 'b') t(x) ORDER BY x
SELECT x, row_number() OVER (ORDER BY x DESC) FROM (VALUES true, false, NULL) t(x) ORDER BY x
SELECT x, sum(1) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES BIGINT '9223372036854775807', BIGINT '9223372036854775806') t(x) ORDER BY x
SELECT sum(x) OVER (), avg(x) OVER (), min(x) OVER (), max(x) OVER (), count(x) OVER () FROM (VALUES CAST(NULL AS integer)) t(x)
SELECT x, sum(x) OVER (ORDER BY x) FROM (VALUES 1) t(x) WHERE false
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT count(*) OVER () FROM nation WHERE n_nationkey < 0
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT rank() OVER (ORDER BY n_name) FROM nation GROUP BY n_name HAVING count(*) > 0 ORDER BY 1 LIMIT 3
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, rank() OVER (ORDER BY n_regionkey) FROM nation GROUP BY n_regionkey ORDER BY 1
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, rank() OVER (ORDER BY n_name) FROM nation GROUP BY n_regionkey
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, sum(n_nationkey) OVER (PARTITION BY n_name) FROM nation GROUP BY n_regionkey
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT row_number() OVER (ORDER BY n_name) rn, n_name FROM nation ORDER BY rn OFFSET 20
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_name, row_number() OVER () IS NOT NULL FROM nation ORDER BY 1 LIMIT 2
SELECT x, percent_rank() OVER (ORDER BY x) FROM (VALUES 1) t(x)
SELECT x, ntile(2) OVER (PARTITION BY x % 2 ORDER BY x) FROM (VALUES 1, 2, 3, 4, 5) t(x) ORDER BY x
SELECT x, ntile(CAST(2 AS bigint)) OVER (ORDER BY x), ntile(TINYINT '2') OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT x, ntile(2.5) OVER (ORDER BY x) FROM (VALUES 1) t(x)
SELECT x, nth_value(x, 1.5) OVER (ORDER BY x) FROM (VALUES 1) t(x)
SELECT x, lag(x, 1.5) OVER (ORDER BY x) FROM (VALUES 1) t(x)
SELECT x, lag(x, BIGINT '1') OVER (ORDER BY x), lead(x, TINYINT '1') OVER (ORDER BY x) FROM (VALUES 1, 2) t(x) ORDER BY x
SELECT x, nth_value(x) OVER (ORDER BY x) FROM (VALUES 1) t(x)
SELECT x, first_value(x, 1) OVER (ORDER BY x) FROM (VALUES 1) t(x)
SELECT x, lag() OVER (ORDER BY x) FROM (VALUES 1) t(x)
SELECT x, lag(x, 1, 2, 3) OVER (ORDER BY x) FROM (VALUES 1) t(x)
SELECT x, ntile() OVER (ORDER BY x) FROM (VALUES 1) t(x)
SELECT x, rank() OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) FROM (VALUES 1) t(x)
SELECT x, ntile(2) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) FROM (VALUES 1) t(x)
SELECT x, percent_rank() OVER (ORDER BY x RANGE UNBOUNDED PRECEDING) FROM (VALUES 1) t(x)
SELECT x, lag(x) OVER (ORDER BY x ROWS CURRENT ROW) FROM (VALUES 1) t(x)
SELECT x, count(*) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND CURRENT ROW), count(*) OVER (ORDER BY x GROUPS CURRENT ROW) FROM (VALUES 1, 1) t(x)
SELECT x, sum(x) OVER (ORDER BY x) FROM (VALUES 1, 1) t(x) ORDER BY x
SELECT x, last_value(x) OVER (ORDER BY x), last_value(x) OVER (ORDER BY x ROWS UNBOUNDED PRECEDING) FROM (VALUES (1), (1), (2)) t(x) ORDER BY x
SELECT array_agg(DISTINCT x ORDER BY y) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT array_agg(x ORDER BY y) OVER (PARTITION BY k ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES (1,1,2),(1,3,1),(1,2,0)) t(k,x,y)
SELECT array_agg(x ORDER BY rank() OVER (ORDER BY y)) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT k, array_agg(x ORDER BY sum(y)) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y) GROUP BY k, x
SELECT listagg(x, ',') WITHIN GROUP (ORDER BY y) FILTER (WHERE x<>'') OVER () FROM (VALUES ('a',1)) t(x,y)
SELECT array_agg(DISTINCT x ORDER BY y) OVER () FROM (VALUES (1,1,2),(1,3,1),(1,1,2)) t(k,x,y)
SELECT array_agg(x ORDER BY z) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT array_agg(x ORDER BY map(ARRAY[y], ARRAY[y])) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, n_name, array_agg(n_name ORDER BY n_nationkey DESC) OVER (PARTITION BY n_regionkey ORDER BY n_name ROWS 1 PRECEDING) FROM nation ORDER BY n_regionkey, n_name
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_regionkey, listagg(n_name, '|') WITHIN GROUP (ORDER BY n_name DESC) OVER (PARTITION BY n_regionkey) FROM nation ORDER BY 1, 2 LIMIT 7
WITH orders AS (SELECT orderkey o_orderkey, custkey o_custkey, orderstatus o_orderstatus, totalprice o_totalprice, orderdate o_orderdate, orderpriority o_orderpriority, clerk o_clerk, shippriority o_shippriority, comment o_comment FROM tpch.tiny.orders) SELECT o_custkey, o_orderkey, array_agg(o_orderkey ORDER BY o_totalprice) OVER w, listagg(CAST(o_orderkey AS varchar), ',') WITHIN GROUP (ORDER BY o_orderdate DESC) OVER w FROM orders WHERE o_custkey < 20 WINDOW w AS (PARTITION BY o_custkey ORDER BY o_orderdate ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) ORDER BY 1, 2
SELECT x, array_agg(x ORDER BY x DESC) OVER (ORDER BY x), array_agg(x ORDER BY x) OVER (ORDER BY x) FROM (VALUES 3, 1, 2) t(x) ORDER BY x
SELECT x, listagg(x, ',' ON OVERFLOW TRUNCATE '..' WITH COUNT) WITHIN GROUP (ORDER BY x) OVER () FROM (VALUES 'b', 'a') t(x) ORDER BY x
SELECT x, sum(DISTINCT y) OVER () FROM (VALUES (1, 9223372036854775807), (2, 1)) t(x, y)
SELECT y, lead(x, 1, 1.5) OVER (ORDER BY y) FROM (VALUES (1, 1), (2, 2)) t(x, y)
SELECT y, lead(x, 1, DATE '2020-01-01') OVER (ORDER BY y) FROM (VALUES ('1', 1), ('2', 2)) t(x, y)
SELECT y, lead(x, 1, 1.5e0) OVER (ORDER BY y) FROM (VALUES (1, 1), (2, 2)) t(x, y)
SELECT y, lead(x, 1, 'a') OVER (ORDER BY y) FROM (VALUES ('1', 1), ('2', 2)) t(x, y)
SELECT y, lead(x, 1, NULL) OVER (ORDER BY y) FROM (VALUES (1, 1), (2, 2)) t(x, y)
SELECT y, lag(x, 1, ARRAY[1]) OVER (ORDER BY y) FROM (VALUES (ARRAY[2], 1)) t(x, y)
SELECT y, lag(x, 1, true) OVER (ORDER BY y) FROM (VALUES (2, 1)) t(x, y)
SELECT y, lag(x, 1, 2) OVER (ORDER BY y) FROM (VALUES (true, 1)) t(x, y)
SELECT x, sum(y) OVER (ORDER BY x ROWS 1 PRECEDING) FROM (VALUES (1, 2147483647), (2, 1)) t(x, y)
SELECT x, sum(y) OVER () FROM (VALUES (1, TINYINT '127'), (2, TINYINT '1')) t(x, y)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES 2147483647, 1) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES -2147483648, 1) t(x)
SELECT x, count(*) OVER (ORDER BY x DESC RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 2147483647, 1) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES TINYINT '-128', TINYINT '1') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN TINYINT '1' PRECEDING AND CURRENT ROW) FROM (VALUES TINYINT '-128', TINYINT '1') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM (VALUES TIME '00:30:00', TIME '10:30:00', TIME '23:45:00') t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN CURRENT ROW AND INTERVAL '1' HOUR FOLLOWING) FROM (VALUES TIME '00:30:00', TIME '10:30:00', TIME '23:45:00') t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND INTERVAL '1' MONTH FOLLOWING) FROM (VALUES TIMESTAMP '2024-01-31 10:00:00 Europe/Berlin', TIMESTAMP '2024-02-29 10:00:00 Europe/Berlin', TIMESTAMP '2024-03-31 09:00:00 Europe/Berlin') t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES TIMESTAMP '2024-03-30 12:00:00 Europe/Berlin', TIMESTAMP '2024-03-31 12:00:00 Europe/Berlin', TIMESTAMP '2024-03-31 11:00:00 UTC') t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x DESC RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW) FROM (VALUES DATE '2024-01-31', DATE '2024-02-29', DATE '2024-03-30', DATE '2024-03-31') t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' MONTH PRECEDING AND CURRENT ROW) FROM (VALUES INTERVAL '1' MONTH, INTERVAL '2' MONTH, INTERVAL '5' MONTH) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES INTERVAL '1' MONTH) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' DAY FOLLOWING AND INTERVAL '3' DAY FOLLOWING) FROM (VALUES DATE '2024-01-01', DATE '2024-01-02', DATE '2024-01-04', NULL) t(x) ORDER BY x
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '36' HOUR PRECEDING AND CURRENT ROW) FROM (VALUES DATE '2024-01-01') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '48' HOUR PRECEDING AND CURRENT ROW) FROM (VALUES DATE '2024-01-01', DATE '2024-01-03') t(x) ORDER BY x
SELECT x, rank() OVER (), dense_rank() OVER (PARTITION BY x), percent_rank() OVER (PARTITION BY x), cume_dist() OVER () FROM (VALUES 1, 1, 2) t(x) ORDER BY x
SELECT x, sum(x) OVER (RANGE BETWEEN CURRENT ROW AND CURRENT ROW), sum(x) OVER (PARTITION BY x RANGE BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM (VALUES 1, 1, 2) t(x) ORDER BY x
SELECT x, sum(x) OVER (w RANGE UNBOUNDED PRECEDING) FROM (VALUES 1, 1, 2) t(x) WINDOW w AS (ORDER BY x) ORDER BY x
SELECT x, sum(x) OVER (w RANGE UNBOUNDED PRECEDING) FROM (VALUES 1, 1, 2) t(x) WINDOW w AS (PARTITION BY x) ORDER BY x
SELECT x, ntile(2) OVER (), row_number() OVER () FROM (VALUES 1) t(x)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN y PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1.5), (2, 1.0)) t(x, y)
SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN CAST(y AS double) PRECEDING AND CURRENT ROW) FROM (VALUES (1, 1), (2, 1)) t(x, y)
SELECT x, sum(x) OVER (ORDER BY x GROUPS BETWEEN NULL PRECEDING AND CURRENT ROW) FROM (VALUES 1) t(x)
SELECT x, sum(x) OVER (PARTITION BY rank() OVER (ORDER BY x)) FROM (VALUES 1) t(x)
SELECT x FROM (VALUES 1, 2) t(x) JOIN (VALUES 1) u(y) ON rank() OVER (ORDER BY x) = y
SELECT x, lag(x) OVER (w) FROM (VALUES 1) t(x) WINDOW w AS (PARTITION BY x)
SELECT x, lag(x) OVER (w) FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x)
SELECT map_agg(k, v ORDER BY v DESC) FROM (VALUES (1, 1), (1, 2), (2, 3)) t(k, v)
SELECT map_agg(k, v ORDER BY v ASC) FROM (VALUES (1, 2), (1, 1), (2, 3)) t(k, v)
SELECT g, map_agg(k, v ORDER BY v DESC NULLS FIRST) FROM (VALUES ('a', 1, 1), ('a', 1, NULL), ('b', 2, 3), ('b', 2, 4)) t(g, k, v) GROUP BY g ORDER BY g
SELECT k, map_agg(k, v ORDER BY v) OVER (PARTITION BY g ORDER BY v DESC) FROM (VALUES ('a', 1, 1), ('a', 1, 2), ('a', 2, 3)) t(g, k, v) ORDER BY v
SELECT abs(x ORDER BY x) FROM (VALUES 1) t(x)
SELECT sum(DISTINCT x ORDER BY y) FROM (VALUES (1, 2)) t(x, y)
SELECT sum(DISTINCT x ORDER BY x DESC) FROM (VALUES 1, 1, 2) t(x)
SELECT max_by(x, y ORDER BY x DESC) FROM (VALUES (1, 2), (3, 2)) t(x, y)
SELECT arbitrary(x ORDER BY x DESC) FROM (VALUES 1, 3, 2) t(x)
SELECT count(x ORDER BY z) FROM (VALUES 1) t(x)
SELECT count(x ORDER BY x), count(* ) FROM (VALUES 1) t(x)
SELECT g, sum(x ORDER BY x DESC), avg(x ORDER BY g), min(x ORDER BY x), max(x ORDER BY x) FROM (VALUES ('a', 1), ('a', 2)) t(g, x) GROUP BY g
SELECT x FROM (SELECT x FROM (VALUES 2, 1) t(x) ORDER BY x) ORDER BY x
SELECT sum(x) FROM (VALUES 1) t(x) WHERE x IN (SELECT x FROM (VALUES 1) u(x) ORDER BY x)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation), region AS (SELECT regionkey r_regionkey, name r_name, comment r_comment FROM tpch.tiny.region) SELECT count(*) FROM nation WHERE n_regionkey IN (SELECT r_regionkey FROM region ORDER BY r_name LIMIT 2)
SELECT 'sum(x ORDER BY y)', "sum"(x ORDER BY x) FROM (VALUES 1) t(x)
SELECT multimap_agg(k, v ORDER BY v) FROM (VALUES (1, 2)) t(k, v)
SELECT approx_distinct(x ORDER BY x), checksum(x ORDER BY x) IS NOT NULL, count_if(x > 1 ORDER BY x), bool_and(x > 0 ORDER BY x) FROM (VALUES 1, 2) t(x)
SELECT stddev(x ORDER BY x), approx_percentile(x, 0.5 ORDER BY x) FROM (VALUES 1, 2) t(x)
SELECT sum(x ORDER BY nosuch) FROM (VALUES 1) t(x)
SELECT sum(x ORDER BY y) OVER (ORDER BY y ROWS 1 PRECEDING) FROM (VALUES (1, 2), (3, 4)) t(x, y)
SELECT rank(x ORDER BY y) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT lag(x ORDER BY y) OVER (PARTITION BY k ORDER BY x) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT x, nosuchcol FROM (VALUES 1) t(x) ORDER BY x
SELECT sum(x ORDER BY y) FROM (VALUES (1,2),(3,1)) t(x,y)
SELECT k, sum(x ORDER BY y) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT map_agg(x, y ORDER BY y) FROM (VALUES (1,2),(3,1)) t(x,y)
SELECT k, map_agg(x, y ORDER BY y) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT k, count(x ORDER BY y) OVER (PARTITION BY k ORDER BY x) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT k, array_agg(DISTINCT x ORDER BY x DESC) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1),(1,3,5)) t(k,x,y)
SELECT k, x, array_agg(x ORDER BY y) OVER (PARTITION BY k ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) FROM (VALUES (1,1,2),(1,3,1),(1,4,5),(1,5,0)) t(k,x,y)
SELECT k, x, listagg(CAST(x AS varchar), '-') WITHIN GROUP (ORDER BY y DESC) OVER (PARTITION BY k ORDER BY x) FROM (VALUES (1,1,2),(1,3,1),(1,4,5),(1,5,0)) t(k,x,y)
SELECT k, x, listagg(CAST(x AS varchar)) WITHIN GROUP (ORDER BY y) OVER () FROM (VALUES (1,1,2),(1,3,1),(1,4,5),(1,5,0)) t(k,x,y)
SELECT k, x, array_agg(x ORDER BY y NULLS FIRST) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,NULL),(1,4,5)) t(k,x,y)
SELECT k, x, array_agg(x ORDER BY y DESC, x) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,NULL),(1,4,2)) t(k,x,y)
SELECT max_by(x, y ORDER BY y) FROM (VALUES (1,2),(3,1)) t(x,y)
SELECT k, listagg(CAST(x AS varchar), ',') WITHIN GROUP (ORDER BY y) OVER (PARTITION BY k ORDER BY x) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y) ORDER BY x
SELECT listagg(CAST(x AS varchar), ',') WITHIN GROUP (ORDER BY y) OVER (PARTITION BY k ORDER BY x ROWS BETWEEN 1 FOLLOWING AND 2 FOLLOWING) FROM (VALUES (1,1,2),(1,3,1),(1,4,5)) t(k,x,y)
SELECT k, array_agg(x ORDER BY y) FILTER (WHERE x > 1) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT k, approx_distinct(x ORDER BY y) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT count(*) OVER (ORDER BY x) FROM (VALUES 1,2) t(x)
SELECT k, arbitrary(x ORDER BY y) OVER (PARTITION BY k) FROM (VALUES (1,1,2),(1,3,1)) t(k,x,y)
SELECT x, row_number() OVER () FROM (VALUES 1) t(x)
SELECT x, rank() OVER (PARTITION BY x) FROM (VALUES 1, 1) t(x)
SELECT x, dense_rank() OVER () FROM (VALUES 1, 1) t(x)
SELECT x, percent_rank() OVER () FROM (VALUES 1, 1) t(x)
SELECT x, cume_dist() OVER () FROM (VALUES 1, 1) t(x)
SELECT x, ntile(2) OVER () FROM (VALUES 1, 1) t(x)
SELECT x, lead(x) OVER () FROM (VALUES 1) t(x)
SELECT x, lag(x) OVER (PARTITION BY x) FROM (VALUES 1) t(x)
SELECT x, first_value(x) OVER () FROM (VALUES 1) t(x)
SELECT x, nth_value(x, 1) OVER () FROM (VALUES 1) t(x)
SELECT x, sum(x) OVER (ROWS 1 PRECEDING) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (RANGE UNBOUNDED PRECEDING) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (RANGE 1 PRECEDING) FROM (VALUES 1, 2) t(x)
SELECT x, sum(x) OVER (RANGE BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM (VALUES 1, 2) t(x)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation) SELECT n_name, sum(n_nationkey) OVER w FROM nation WINDOW w AS (PARTITION BY n_regionkey), w AS (ORDER BY n_name)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 'a', 'b') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 'a' PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, count(*) OVER (ORDER BY x GROUPS BETWEEN 1.5 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, count(*) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND 2.5 FOLLOWING) FROM (VALUES 1, 2) t(x)
SELECT x, count(*) OVER (ORDER BY x ROWS BETWEEN 'a' PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, count(*) OVER (ORDER BY x ROWS BETWEEN DOUBLE '1' PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, count(*) OVER (ORDER BY x ROWS BETWEEN CAST(1 AS DECIMAL(3,0)) PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES DOUBLE '1') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES DATE '2024-01-01') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM (VALUES DATE '2024-01-01') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '-1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES DATE '2024-01-01') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN CAST(NULL AS integer) PRECEDING AND CURRENT ROW) FROM (VALUES 1) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN NULL PRECEDING AND CURRENT ROW) FROM (VALUES 1) t(x)
SELECT x, count(*) OVER (ORDER BY x ROWS BETWEEN NULL PRECEDING AND CURRENT ROW) FROM (VALUES 1) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN -1 PRECEDING AND CURRENT ROW) FROM (VALUES 1) t(x)
SELECT x, count(*) OVER (ORDER BY x GROUPS BETWEEN -1 PRECEDING AND CURRENT ROW) FROM (VALUES 1) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN x PRECEDING AND CURRENT ROW) FROM (VALUES 1, -1) t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES TIME '10:00:00') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) FROM (VALUES TIME '10:00:00', TIME '10:30:00', TIME '11:30:00') t(x)
SELECT x, count(*) OVER (ORDER BY x RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES INTERVAL '1' DAY, INTERVAL '2' DAY, INTERVAL '5' DAY) t(x)
SELECT x, sum(y) OVER (ORDER BY x ROWS 1 PRECEDING) FROM (VALUES (1, 9223372036854775807), (2, 1)) t(x, y)
SELECT x, sum(y) OVER (ORDER BY x ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM (VALUES (1, 9223372036854775807), (2, 1)) t(x, y)
SELECT x, sum(y) OVER () FROM (VALUES (1, 9223372036854775807), (2, 1)) t(x, y)
SELECT x, sum(y) OVER (PARTITION BY x) FROM (VALUES (1, 9223372036854775807), (1, 1)) t(x, y)
SELECT x, avg(y) OVER () FROM (VALUES (1, 9223372036854775807), (2, 1)) t(x, y)
SELECT x, sum(y) OVER () FROM (VALUES (1, 2147483647), (2, 1)) t(x, y)
SELECT max(x) FROM (SELECT x FROM (VALUES 3, 1, 2) t(x) ORDER BY x LIMIT 2)
WITH nation AS (SELECT nationkey n_nationkey, name n_name, regionkey n_regionkey, comment n_comment FROM tpch.tiny.nation), region AS (SELECT regionkey r_regionkey, name r_name, comment r_comment FROM tpch.tiny.region) SELECT count(*) FROM nation WHERE n_regionkey IN (SELECT r_regionkey FROM region ORDER BY r_regionkey LIMIT 3)
WITH region AS (SELECT regionkey r_regionkey, name r_name, comment r_comment FROM tpch.tiny.region) SELECT sum((SELECT max(r_regionkey) FROM region)) FROM nation
WITH region AS (SELECT regionkey r_regionkey, name r_name, comment r_comment FROM tpch.tiny.region) SELECT max((SELECT r_name FROM region ORDER BY r_name LIMIT 1)) FROM nation
SELECT 'count(x ORDER BY y)' FROM (VALUES 1) t(x)
SELECT min(x ORDER BY x) FILTER (WHERE x > 1) FROM (VALUES 1, 2, 3) t(x)
SELECT sum(x ORDER BY x) FILTER (WHERE x > 1) OVER () FROM (VALUES 1, 2, 3) t(x)
SELECT sum(x) OVER (ORDER BY x), max(x ORDER BY x) OVER (PARTITION BY x ORDER BY x) FROM (VALUES 1, 2, 3) t(x) ORDER BY x
SELECT COUNT ( x ORDER BY x ) FROM (VALUES 1) t(x)
SELECT approx_percentile(x, 0.5 ORDER BY x DESC) FROM (VALUES 1, 2, 3) t(x)
SELECT max(x) FROM (VALUES 1) t(x) GROUP BY x ORDER BY max(x)
SELECT min(x ORDER BY x NULLS FIRST, x DESC) FROM (VALUES 1, NULL) t(x)
WITH a AS (SELECT sum(x ORDER BY x) s FROM (VALUES 1, 2) t(x)) SELECT s FROM a
SELECT count(DISTINCT x ORDER BY x) FROM (VALUES 1, 1) t(x)
SELECT avg(x ORDER BY y) FROM (VALUES (1, 'b'), (2, 'a')) t(x, y)
SELECT reduce_agg(x, 0, (a, b) -> a + b, (a, b) -> a + b ORDER BY x) FROM (VALUES 1, 2) t(x)
SELECT g, array_agg(x ORDER BY x) FROM (VALUES ('a', 1)) t(g, x) GROUP BY g
SELECT listagg(x, ',') WITHIN GROUP (ORDER BY x) FROM (VALUES 'a', 'b') t(x)
SELECT sum(x) WITHIN GROUP (ORDER BY x) FROM (VALUES 1) t(x)
SELECT multimap_agg(k, v ORDER BY v DESC) FROM (VALUES (1, 2), (1, 5), (2, 1), (1, 3)) t(k, v)
SELECT g, multimap_agg(k, v ORDER BY w NULLS FIRST, v DESC) FROM (VALUES ('a', 1, 2, 1), ('a', 1, 5, NULL), ('a', 1, 3, 1), ('b', 2, 1, 0)) t(g, k, v, w) GROUP BY g ORDER BY g
SELECT v, multimap_agg(k, v ORDER BY v DESC) OVER (ORDER BY v ROWS 1 PRECEDING) FROM (VALUES (1, 2), (1, 5), (2, 1), (1, 3)) t(k, v) ORDER BY v
SELECT multimap_agg(k, v) FROM (VALUES (1, 2), (1, 5)) t(k, v)
SELECT histogram(x ORDER BY x) FROM (VALUES 1, 1, 2) t(x)
SELECT x, sum(x) OVER (w ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2, 3, 4) t(x) WINDOW w AS (ORDER BY x) ORDER BY x
SELECT x, sum(x) OVER (w2 ROWS CURRENT ROW) FROM (VALUES 1, 2, 3, 4) t(x) WINDOW w1 AS (PARTITION BY x % 2), w2 AS (w1 ORDER BY x) ORDER BY x
SELECT x, sum(x) OVER (w ORDER BY x ROWS CURRENT ROW) FROM (VALUES 1, 2, 3, 4) t(x) WINDOW w AS (PARTITION BY x % 2) ORDER BY x
SELECT x, sum(x) OVER w2 FROM (VALUES 1, 2, 3, 4) t(x) WINDOW w1 AS (PARTITION BY x % 2), w2 AS (w1 ORDER BY x DESC) ORDER BY x
SELECT x, sum(x) OVER w, rank() OVER (w) FROM (VALUES 1, 2, 2, 4) t(x) WINDOW w AS (ORDER BY x) ORDER BY x
SELECT x, sum(x) OVER w FROM (VALUES 1, 2, 2, 4) t(x) WINDOW w AS (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 1 FOLLOWING) ORDER BY x
SELECT x, sum(x) OVER w FROM (VALUES 1, 2, 2, 4) t(x) WINDOW w AS (ORDER BY x GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW) ORDER BY x
SELECT x, sum(x) OVER (w GROUPS BETWEEN 1 PRECEDING AND CURRENT ROW), sum(x) OVER (w ROWS 1 PRECEDING) FROM (VALUES 1, 2, 2, 4) t(x) WINDOW w AS (ORDER BY x) ORDER BY x
SELECT x, sum(x) OVER (w RANGE BETWEEN 1 PRECEDING AND CURRENT ROW) FROM (VALUES 1, 2, 2, 4) t(x) WINDOW w AS (ORDER BY x) ORDER BY x
SELECT x FROM (VALUES 1, 2, 2, 4) t(x) WINDOW w AS (ORDER BY x) ORDER BY rank() OVER w DESC, x
SELECT x, sum(x) OVER W FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x) ORDER BY x
SELECT x, sum(x) OVER w FROM (VALUES 1, 2) t(x) WINDOW w AS (w2), w2 AS (w)
SELECT x, sum(x) OVER w FROM (VALUES 1, 2) t(x) WINDOW w AS (w2 ORDER BY x), w2 AS (PARTITION BY x) ORDER BY x
SELECT x, sum(x) OVER (w PARTITION BY x) FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x)
SELECT x, sum(x) OVER (w ORDER BY x) FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x)
SELECT x, sum(x) OVER x FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x)
SELECT x, sum(x) OVER (w ROWS CURRENT ROW) FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x ROWS CURRENT ROW)
SELECT x, sum(x) OVER w FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x), w AS (ORDER BY x)
SELECT x, (SELECT sum(y) OVER w FROM (VALUES 1) u(y) WINDOW w AS (ORDER BY y)) FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY x) ORDER BY x
SELECT x, array_agg(x ORDER BY x DESC) OVER (w ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) FROM (VALUES 1, 2, 3) t(x) WINDOW w AS (ORDER BY x) ORDER BY x
WITH v AS (SELECT x, sum(x) OVER w s FROM (VALUES 1, 2, 3) t(x) WINDOW w AS (ORDER BY x DESC)) SELECT * FROM v ORDER BY x
SELECT x FROM (VALUES 1, 2) t(x) WINDOW w AS (ORDER BY nosuch)
