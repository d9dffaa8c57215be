"""The tables of the query views, written once for SQLite and PostgreSQL alike.

Times are ISO 8601 UTC text (`2026-11-22T08:30:00.000000Z`), which sorts and compares the same in
both databases; money is integer minor units beside its currency. `{serial}` is the one thing the
two dialects spell differently.
"""

SERIAL = {"sqlite": "INTEGER PRIMARY KEY AUTOINCREMENT", "postgresql": "BIGSERIAL PRIMARY KEY"}

STATEMENTS = (
    # How far each upstream aggregate's messages on each topic were applied (see Projector).
    """CREATE TABLE IF NOT EXISTS view_tracking (
        name TEXT PRIMARY KEY,
        version BIGINT NOT NULL
    )""",
    # A rebuild in progress: written in the transaction that empties the views, deleted only once
    # every record was replayed. A row here on start means the views are incomplete (issue 9).
    """CREATE TABLE IF NOT EXISTS view_rebuild (
        rebuild_id TEXT PRIMARY KEY,
        started_at TEXT NOT NULL,
        started_by TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS orders (
        order_id TEXT PRIMARY KEY,
        order_number TEXT,
        channel TEXT,
        channel_account TEXT,
        channel_order_id TEXT,
        customer_id TEXT,
        customer_name TEXT,
        phone_masked TEXT,
        phone_digest TEXT,
        email_masked TEXT,
        province TEXT,
        city TEXT,
        district TEXT,
        status TEXT NOT NULL,
        payment_method TEXT,
        payment_status TEXT,
        hold_reason TEXT,
        currency TEXT,
        subtotal_minor BIGINT,
        discount_minor BIGINT,
        shipping_fee_minor BIGINT,
        tax_minor BIGINT,
        grand_total_minor BIGINT,
        express INTEGER NOT NULL DEFAULT 0,
        created_at TEXT,
        updated_at TEXT,
        search_text TEXT NOT NULL DEFAULT ''
    )""",
    "CREATE INDEX IF NOT EXISTS orders_by_number ON orders (order_number)",
    "CREATE INDEX IF NOT EXISTS orders_by_created ON orders (created_at)",
    "CREATE INDEX IF NOT EXISTS orders_by_status ON orders (status, created_at)",
    "CREATE INDEX IF NOT EXISTS orders_by_phone ON orders (phone_digest)",
    "CREATE INDEX IF NOT EXISTS orders_by_customer ON orders (customer_id)",
    """CREATE TABLE IF NOT EXISTS order_lines (
        order_id TEXT NOT NULL,
        line_id TEXT NOT NULL,
        sku TEXT NOT NULL,
        name TEXT,
        quantity BIGINT NOT NULL,
        currency TEXT,
        unit_price_minor BIGINT,
        discount_minor BIGINT,
        tax_minor BIGINT,
        PRIMARY KEY (order_id, line_id)
    )""",
    """CREATE TABLE IF NOT EXISTS order_timeline (
        seq {serial},
        event_id TEXT NOT NULL UNIQUE,
        order_id TEXT NOT NULL,
        shipment_id TEXT,
        kind TEXT NOT NULL,
        code TEXT NOT NULL,
        checkpoint_rank INTEGER NOT NULL DEFAULT 0,
        source_rank INTEGER NOT NULL DEFAULT 0,
        source_position BIGINT NOT NULL DEFAULT 0,
        status TEXT,
        title TEXT NOT NULL,
        detail TEXT,
        location TEXT,
        occurred_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS order_timeline_by_order ON order_timeline (order_id, occurred_at)",
    """CREATE TABLE IF NOT EXISTS shipments (
        shipment_id TEXT PRIMARY KEY,
        order_id TEXT NOT NULL,
        warehouse_id TEXT,
        status TEXT NOT NULL,
        status_rank INTEGER NOT NULL,
        carrier_code TEXT,
        service_level TEXT,
        tracking_numbers TEXT,
        lines_json TEXT,
        created_at TEXT,
        picked_at TEXT,
        packed_at TEXT,
        dispatched_at TEXT,
        delivered_at TEXT,
        cancelled_at TEXT,
        updated_at TEXT
    )""",
    "CREATE INDEX IF NOT EXISTS shipments_by_order ON shipments (order_id)",
    """CREATE TABLE IF NOT EXISTS products (
        sku TEXT PRIMARY KEY,
        name TEXT,
        category TEXT,
        currency TEXT,
        unit_price_minor BIGINT,
        active INTEGER NOT NULL DEFAULT 1,
        safety_stock BIGINT NOT NULL DEFAULT 0
    )""",
    """CREATE TABLE IF NOT EXISTS inventory (
        sku TEXT NOT NULL,
        warehouse_id TEXT NOT NULL,
        on_hand BIGINT NOT NULL DEFAULT 0,
        reserved BIGINT NOT NULL DEFAULT 0,
        available BIGINT NOT NULL DEFAULT 0,
        incoming BIGINT NOT NULL DEFAULT 0,
        safety_stock BIGINT NOT NULL DEFAULT 0,
        as_of TEXT NOT NULL,
        PRIMARY KEY (sku, warehouse_id)
    )""",
    """CREATE TABLE IF NOT EXISTS availability (
        sku TEXT PRIMARY KEY,
        available_to_sell BIGINT NOT NULL,
        presale INTEGER NOT NULL DEFAULT 0,
        expected_restock_at TEXT,
        warehouses_json TEXT NOT NULL,
        changed_at TEXT NOT NULL
    )""",
    """CREATE TABLE IF NOT EXISTS rejections (
        rejection_id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        order_id TEXT,
        channel TEXT,
        channel_account TEXT,
        channel_order_id TEXT,
        source TEXT,
        reasons_json TEXT NOT NULL,
        payload_size BIGINT NOT NULL,
        content_type TEXT,
        rejected_at TEXT NOT NULL
    )""",
    "CREATE INDEX IF NOT EXISTS rejections_by_time ON rejections (rejected_at)",
    """CREATE TABLE IF NOT EXISTS ledger_entries (
        entry_id TEXT NOT NULL,
        line_no INTEGER NOT NULL,
        order_id TEXT NOT NULL,
        account_code TEXT NOT NULL,
        currency TEXT NOT NULL,
        debit_minor BIGINT NOT NULL,
        credit_minor BIGINT NOT NULL,
        memo TEXT,
        source_event_type TEXT,
        reverses_entry_id TEXT,
        posted_at TEXT NOT NULL,
        PRIMARY KEY (entry_id, line_no)
    )""",
    "CREATE INDEX IF NOT EXISTS ledger_entries_by_order ON ledger_entries (order_id, posted_at)",
    """CREATE TABLE IF NOT EXISTS ledger_balance (
        order_id TEXT NOT NULL,
        account_code TEXT NOT NULL,
        currency TEXT NOT NULL,
        debit_minor BIGINT NOT NULL,
        credit_minor BIGINT NOT NULL,
        balance_minor BIGINT NOT NULL,
        PRIMARY KEY (order_id, account_code, currency)
    )""",
)


# Tables that are not views: a rebuild does not empty them.
REBUILD_MARKER_TABLE = "view_rebuild"

# Columns added to tables after views were first deployed: a store made before gets them when it
# is opened (existing rows take the default; a rebuild fills them in).
ADDED_COLUMNS = (
    ("order_timeline", "source_rank", "INTEGER NOT NULL DEFAULT 0"),
    ("order_timeline", "source_position", "BIGINT NOT NULL DEFAULT 0"),
)

# Indexes that only the query API reads by (no view updater does): a rebuild drops them and
# builds them again at its end, one sort each instead of a B-tree insert per row written.
QUERY_ONLY_INDEXES = ("orders_by_number", "orders_by_created", "orders_by_status", "orders_by_phone",
                      "orders_by_customer", "order_timeline_by_order", "shipments_by_order", "rejections_by_time")


def query_only_index_statements(dialect: str) -> list[str]:
    return [s for s in statements(dialect) if _is_query_only_index(s)]


def statements(dialect: str, *, query_only_indexes: bool = True) -> list[str]:
    return [statement.replace("{serial}", SERIAL[dialect]) for statement in STATEMENTS
            if query_only_indexes or not _is_query_only_index(statement)]


def _is_query_only_index(statement: str) -> bool:
    return statement.startswith("CREATE INDEX") and statement.split()[5] in QUERY_ONLY_INDEXES
