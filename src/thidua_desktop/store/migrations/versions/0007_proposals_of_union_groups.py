"""Proposals of union groups

A union group's proposal line is linked to the group by id (``proposal.union_group_id``), not by
its name only, so renaming the group keeps its line. Existing lines whose ``collective_name`` is the
name of a union group of the same unit are linked here. ``ON DELETE SET NULL``: deleting an (empty)
group keeps a line that may already carry a Giấy khen decision; the name stays in ``collective_name``.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 03:01:40.847669
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0007'
down_revision: str | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.add_column(sa.Column('union_group_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_proposal_union_group_id'), ['union_group_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_proposal_union_group_id_union_group'), 'union_group', ['union_group_id'], ['id'], ondelete='SET NULL')

    # the lines of union groups, so far found by name: same unit (through the year), same name
    op.execute(sa.text(
        "UPDATE proposal SET union_group_id = ("
        " SELECT g.id FROM union_group AS g JOIN emulation_year AS y ON y.unit_id = g.unit_id"
        " WHERE y.id = proposal.year_id AND g.name = proposal.collective_name"
        " ORDER BY g.ordinal, g.id LIMIT 1)"
        " WHERE proposal.person_id IS NULL AND proposal.collective_name != ''"))


def downgrade() -> None:
    with op.batch_alter_table('proposal', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_proposal_union_group_id_union_group'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_proposal_union_group_id'))
        batch_op.drop_column('union_group_id')
