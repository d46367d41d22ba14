"""The conservation models as they were in heritage (heritage 0003, 0007), taken over without
touching the database: the tables keep their names (`db_table`), and with them their indexes and
constraints. Heritage 0008 drops them from heritage's state; 0002 here moves their content types
(and so the permissions granted on them, admin log entries and references) to this app."""

import django.db.models.deletion
import django.utils.timezone
import geopark.conservation.models.reports
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('heritage', '0007_board_approval'),
        ('wagtailimages', '0027_image_description'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Inspection',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('inspected_on', models.DateField(default=django.utils.timezone.localdate, verbose_name='date of inspection')),
                        ('condition', models.CharField(choices=[('good', 'Good'), ('minor', 'Minor damage'), ('moderate', 'Moderate damage'), ('severe', 'Severe damage'), ('destroyed', 'Destroyed')], max_length=12, verbose_name='condition')),
                        ('threats', models.JSONField(blank=True, default=list, verbose_name='threats observed')),
                        ('notes', models.TextField(blank=True, verbose_name='notes')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('inspector', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='inspector')),
                        ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='inspections', to='heritage.site', verbose_name='site')),
                    ],
                    options={
                        'verbose_name': 'inspection',
                        'verbose_name_plural': 'inspections',
                        'db_table': 'heritage_inspection',
                        'ordering': ['-inspected_on', '-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='InspectionPhoto',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('caption', models.CharField(blank=True, max_length=250, verbose_name='caption')),
                        ('image', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='wagtailimages.image')),
                        ('inspection', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='photos', to='conservation.inspection')),
                    ],
                    options={
                        'verbose_name': 'photo',
                        'db_table': 'heritage_inspectionphoto',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='VisitorReport',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('reference', models.CharField(editable=False, max_length=20, null=True, unique=True, verbose_name='reference')),
                        ('kind', models.CharField(choices=[('damage', 'Damage to the site'), ('danger', 'A danger to visitors'), ('litter', 'Litter'), ('other', 'Something else')], max_length=10, verbose_name='kind')),
                        ('description', models.TextField(max_length=4000, verbose_name='description')),
                        ('lat', models.FloatField(blank=True, null=True, verbose_name='latitude')),
                        ('lon', models.FloatField(blank=True, null=True, verbose_name='longitude')),
                        ('photo', models.FileField(blank=True, storage=geopark.conservation.models.reports.private_storage, upload_to='reports/%Y/%m/', verbose_name='photo')),
                        ('contact', models.CharField(blank=True, max_length=200, verbose_name='contact')),
                        ('language', models.CharField(blank=True, max_length=5)),
                        ('submitted_at', models.DateTimeField(auto_now_add=True, db_index=True, verbose_name='submitted')),
                        ('state', models.CharField(choices=[('new', 'New'), ('accepted', 'Accepted'), ('rejected', 'Rejected'), ('converted', 'Turned into an inspection or action')], db_index=True, default='new', max_length=10, verbose_name='state')),
                        ('moderated_at', models.DateTimeField(blank=True, null=True, verbose_name='moderated')),
                        ('moderation_note', models.TextField(blank=True, verbose_name="moderator's note")),
                        ('moderated_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='moderated by')),
                        ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='visitor_reports', to='heritage.site', verbose_name='site')),
                    ],
                    options={
                        'verbose_name': 'visitor report',
                        'verbose_name_plural': 'visitor reports',
                        'db_table': 'heritage_visitorreport',
                        'ordering': ['-submitted_at'],
                        'permissions': [('moderate_visitorreport', 'Can moderate visitor reports')],
                    },
                ),
                migrations.AddField(
                    model_name='inspection',
                    name='source_report',
                    field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='inspections', to='conservation.visitorreport', verbose_name='from visitor report'),
                ),
                migrations.CreateModel(
                    name='FollowUpAction',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('description', models.TextField(verbose_name='what needs doing')),
                        ('owner_name', models.CharField(blank=True, help_text='Someone without an account, e.g. a commune officer.', max_length=200, verbose_name='owner (name)')),
                        ('due_on', models.DateField(verbose_name='due date')),
                        ('status', models.CharField(choices=[('open', 'Open'), ('done', 'Done')], default='open', max_length=10, verbose_name='status')),
                        ('done_at', models.DateTimeField(blank=True, null=True, verbose_name='done at')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('owner', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='owner (account)')),
                        ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='follow_ups', to='heritage.site', verbose_name='site')),
                        ('inspection', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='follow_ups', to='conservation.inspection', verbose_name='from inspection')),
                        ('report', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='follow_ups', to='conservation.visitorreport', verbose_name='from visitor report')),
                    ],
                    options={
                        'verbose_name': 'follow-up action',
                        'verbose_name_plural': 'follow-up actions',
                        'db_table': 'heritage_followupaction',
                        'ordering': ['status', 'due_on'],
                    },
                ),
                migrations.CreateModel(
                    name='Assessment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('assessed_on', models.DateField(verbose_name='date of assessment')),
                        ('assessor_name', models.CharField(max_length=200, verbose_name='signed by')),
                        ('scores', models.JSONField(help_text='One score from 0 to 4 per Brilha criterion.', verbose_name='scores')),
                        ('scientific', models.PositiveSmallIntegerField(verbose_name='scientific value')),
                        ('educational', models.PositiveSmallIntegerField(verbose_name='potential educational use')),
                        ('touristic', models.PositiveSmallIntegerField(verbose_name='potential touristic use')),
                        ('degradation_risk', models.PositiveSmallIntegerField(verbose_name='degradation risk')),
                        ('notes', models.TextField(blank=True, verbose_name='notes')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('assessor', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='assessor')),
                        ('site', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='assessments', to='heritage.site', verbose_name='site')),
                        ('superseded_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='supersedes', to='conservation.assessment')),
                    ],
                    options={
                        'verbose_name': 'assessment',
                        'verbose_name_plural': 'assessments',
                        'db_table': 'heritage_assessment',
                        'ordering': ['-assessed_on', '-created_at'],
                        'permissions': [('assess_site', 'Can assess sites (Brilha scores)')],
                        'constraints': [models.UniqueConstraint(condition=models.Q(('superseded_by__isnull', True)), fields=('site',), name='one_current_assessment_per_site')],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
