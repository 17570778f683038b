"""Review results for union groups

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 01:55:02.356821
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = '0005'
down_revision: str | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table('review_result', schema=None) as batch_op:
        batch_op.add_column(sa.Column('union_group_id', sa.Uuid(), nullable=True))
        batch_op.create_index(batch_op.f('ix_review_result_union_group_id'), ['union_group_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_review_result_union_group_id_union_group'), 'union_group', ['union_group_id'], ['id'], ondelete='CASCADE')



def downgrade() -> None:
    with op.batch_alter_table('review_result', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('fk_review_result_union_group_id_union_group'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_review_result_union_group_id'))
        batch_op.drop_column('union_group_id')

