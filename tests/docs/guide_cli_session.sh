#!/usr/bin/env bash
# The session docs/guide/cli.md shows, run for real: every `$ …` line below is run in a
# throwaway home folder and printed with its output (stdout and stderr, as a terminal
# shows them) and `(exit N)` when it is not 0; blocks are separated by `@@` lines. The
# temporary folder is printed as `~`. check_guide.sh compares cli.md's examples with
# this transcript and prints the program's output for an example that differs: when an
# output changes on purpose, put that output into cli.md (or run this script and copy
# the step from its transcript).
# Usage: guide_cli_session.sh TEMPEST_MIGRATE
set -euo pipefail
bin=$1
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
# The examples call the program by its installed name.
tempest-migrate() { "$bin" "$@"; }
step() {
  printf '@@\n$ %s\n' "$1"
  local out rc=0
  out=$(eval "$1" 2>&1) || rc=$?
  [ -z "$out" ] || printf '%s\n' "${out//$home/\~}"
  [ "$rc" = 0 ] || printf '(exit %s)\n' "$rc"
}
cd "$home"

# --- a new project -------------------------------------------------------------------
step 'tempest-migrate --version'
step 'tempest-migrate init shop'
cd shop
cat > models.json <<'EOF'
{
  "tables": {
    "customers": {
      "columns": {
        "id": {"type": "integer", "autoincrement": true},
        "email": {"type": "varchar", "length": 255, "nullable": false},
        "name": {"type": "text"}
      },
      "primaryKey": ["id"],
      "uniques": {"uq_customers_email": {"columns": ["email"]}}
    },
    "orders": {
      "columns": {
        "id": {"type": "integer", "autoincrement": true},
        "customer_id": {"type": "integer", "nullable": false},
        "total": {"type": "text"}
      },
      "primaryKey": ["id"],
      "foreignKeys": {"fk_orders_customer_id": {"columns": ["customer_id"], "refTable": "customers",
                                                "refColumns": ["id"], "onDelete": "cascade"}}
    }
  }
}
EOF
step 'tempest-migrate revision -m "customers and orders" --autogenerate --rev-id a1f0c2d3e4b5'
step 'tempest-migrate history'
step 'tempest-migrate upgrade --sql'
step 'tempest-migrate upgrade'
step 'tempest-migrate current'
step 'sqlite3 app.db "INSERT INTO customers (email, name) VALUES ('"'"'ada@example.com'"'"', '"'"'Ada'"'"'); INSERT INTO orders (customer_id, total) VALUES (1, '"'"'12.50'"'"');"'

# --- the models change ---------------------------------------------------------------
python3 - <<'EOF'
import json
m = json.load(open("models.json"))
c = m["tables"]["customers"]["columns"]
c["full_name"] = dict(c.pop("name"), renamedFrom="name")
c["phone"] = {"type": "varchar", "length": 40}
m["tables"]["orders"]["columns"]["total"] = {"type": "numeric", "precision": 10, "scale": 2, "nullable": False, "default": {"value": 0}}
m["tables"]["orders"]["indexes"] = {"ix_orders_customer_id": {"columns": ["customer_id"]}}
json.dump(m, open("models.json", "w"), indent=2)
EOF
step 'tempest-migrate check'
step 'tempest-migrate revision -m "names, phones, order totals" --autogenerate --rev-id b2e1d0c9f8a7'
step 'tempest-migrate show b2e1'
step 'tempest-migrate upgrade a1f0c2d3e4b5:b2e1d0c9f8a7 --sql'
step 'tempest-migrate upgrade'
step 'sqlite3 app.db "SELECT * FROM customers; SELECT * FROM orders;"'
step 'tempest-migrate check'
step 'tempest-migrate revision -m "nothing new" --autogenerate'

# --- branches and a merge ------------------------------------------------------------
step 'tempest-migrate revision -m "loyalty points" --rev-id c3a4b5c6d7e8'
step 'tempest-migrate revision -m "gift cards" --head b2e1d0c9f8a7 --rev-id d4b5c6d7e8f9'
step 'tempest-migrate heads'
step 'tempest-migrate revision -m "one more"'
step 'tempest-migrate branches'
step 'tempest-migrate merge heads -m "join loyalty and gift cards" --rev-id e5c6d7e8f9a0'
step 'tempest-migrate upgrade c3a4'
step 'tempest-migrate history'
step 'tempest-migrate upgrade'
step 'tempest-migrate current --verbose'
step 'tempest-migrate history --verbose'

# --- going back ----------------------------------------------------------------------
step 'tempest-migrate downgrade -1'
step 'tempest-migrate downgrade b2e1d0c9f8a7'
step 'tempest-migrate current'
step 'tempest-migrate downgrade a1f0c2d3e4b5:base --sql'
step 'tempest-migrate downgrade a1f0'
step 'tempest-migrate upgrade'

# --- the version table alone ---------------------------------------------------------
step 'tempest-migrate stamp b2e1d0c9f8a7'
step 'tempest-migrate current'
step 'tempest-migrate stamp heads'
step 'tempest-migrate stamp heads'

# --- looking at the database ---------------------------------------------------------
step 'tempest-migrate introspect'
step 'tempest-migrate graph'
step 'tempest-migrate graph --format svg --output history.svg'
step 'head -n 1 history.svg'
step 'tempest-migrate --json heads'
step 'tempest-migrate --database other.db current'
step 'TEMPEST_DATABASE=other.db tempest-migrate upgrade b2e1'
step 'tempest-migrate --database other.db downgrade base'
step 'tempest-migrate --json upgrade nosuchrev'
step 'tempest-migrate upgrade nosuchrev'

# --- from another folder -------------------------------------------------------------
cd "$home"
step 'tempest-migrate --config shop/tempest.json current'

# --- an Alembic history --------------------------------------------------------------
"$bin" init legacy >/dev/null
cd legacy
mkdir -p alembic/versions
cat > alembic/versions/1975ea83b712_create_account_table.py <<'EOF'
"""create account table

Revision ID: 1975ea83b712
Revises:
Create Date: 2024-03-11 09:24:16.220164

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision = '1975ea83b712'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'account',
        sa.Column('id', sa.Integer, primary_key=True),
        sa.Column('name', sa.String(50), nullable=False),
    )


def downgrade():
    op.drop_table('account')
EOF
cat > alembic/versions/ae1027a6acf_add_a_column.py <<'EOF'
"""add a column

Revision ID: ae1027a6acf
Revises: 1975ea83b712
Create Date: 2024-03-12 14:02:51.877104

"""
from alembic import op
import sqlalchemy as sa

# revision identifiers, used by Alembic.
revision: str = 'ae1027a6acf'
down_revision: Union[str, None] = '1975ea83b712'
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    op.add_column('account', sa.Column('last_transaction_date', sa.DateTime))


def downgrade() -> None:
    op.drop_column('account', 'last_transaction_date')
EOF
step 'tempest-migrate import-alembic alembic/versions --stamp'
step 'tempest-migrate history --verbose'
step 'tempest-migrate current'
step 'cat migrations/ae1027a6acf_add_a_column.json'
step 'tempest-migrate downgrade base'
