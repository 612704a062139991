"""Export selection: columns, encoding, neutralisation, a preview, then a worker writes the CSV.

Everything about the file itself (cells, neutralisation, atomic write) lives in
``viewer.core.export``; this dialog only collects choices and runs the write off the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from viewer.core.errors import Cancelled, ViewerError
from viewer.core.export import ExportCancelled, ExportSpec, preview_rows, safe_filename, write_csv
from viewer.qt import i18n
from viewer.qt.error_text import error_text
from viewer.qt.labels import arg, column_name
from viewer.qt.models.preview_table_model import PreviewTableModel
from viewer.qt.workers import CancelToken, Job, JobRunner

PREVIEW_ROWS = 20
PREVIEW_CHARS = 300  # a preview cell shows this much of a long paragraph


class ExportDialog(QDialog):
    exported = Signal(str, int)  # path, number of rows

    def __init__(
        self, spec: ExportSpec, directory: str | Path | None = None, parent: Any = None
    ) -> None:
        super().__init__(parent)
        self.spec = spec
        self.directory = Path(directory) if directory else Path.home()
        self.exported_path: str | None = None
        self.job: Job | None = None
        self._cancel = CancelToken()
        self.runner = JobRunner(self)
        self._close_when_done = False
        # Hooks so tests drive the dialog without a native file dialog or a modal box.
        self.ask_save_path: Callable[[str], str | None] = self._ask_save_path
        self.confirm_overwrite: Callable[[str], bool] = self._confirm_overwrite

        self.setWindowTitle(self.tr("Export to CSV"))
        self.resize(900, 640)
        count = spec.count
        if spec.kind == "figures":
            what = i18n.plural(self.tr("%n figure(s) to export.", "", count), count)
        else:
            what = i18n.plural(self.tr("%n paragraph(s) to export.", "", count), count)
        # %n is written plain by Qt: the interface locale's grouping instead (12,345)
        self.summary = QLabel(what.replace(str(spec.count), i18n.format_number(spec.count)), self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.columns = QListWidget(self)
        self.columns.setToolTip(self.tr("Columns to write, in this order"))
        self.columns.setAccessibleName(self.tr("Columns"))
        for key in spec.headers:
            item = QListWidgetItem(column_name(key), self.columns)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = key in spec.defaults
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.columns.setMaximumWidth(220)
        defaults = QPushButton(self.tr("&Default columns"), self)
        defaults.clicked.connect(self.reset_columns)

        self.encoding = QComboBox(self)
        self.encoding.setAccessibleName(self.tr("Encoding"))
        self.encoding.addItem(self.tr("UTF-8 with BOM (opens right in Excel)"), True)
        self.encoding.addItem(self.tr("UTF-8 without BOM"), False)
        self.neutralise = QCheckBox(
            self.tr("&Neutralise cells that look like formulas (= + - @)"), self
        )
        self.neutralise.setChecked(True)
        self.neutralise.setToolTip(
            self.tr(
                "Puts ' in front of a cell that a spreadsheet could run as a formula. "
                "Plain numbers such as -0.15 are left as they are."
            )
        )
        # Headers in the interface language by default; English ones stay stable for scripts.
        self.english_headers = QCheckBox(self.tr("English &headers (for scripts)"), self)
        self.english_headers.setChecked(i18n.current_language() == "en")
        self.english_headers.setEnabled(i18n.current_language() != "en")
        self.english_headers.setToolTip(
            self.tr("Write the column names in English, the same in every interface language")
        )
        self.name_edit = QLineEdit(spec.suggested_name, self)
        self.name_edit.setAccessibleName(self.tr("File name"))

        self.preview_model = PreviewTableModel(self)
        self.preview = QTableView(self)
        self.preview.setModel(self.preview_model)
        self.preview.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview.setWordWrap(False)
        self.preview.verticalHeader().hide()
        self.preview.setAccessibleName(self.tr("Preview"))

        self.progress = QProgressBar(self)
        self.progress.setRange(0, max(spec.count, 1))
        self.progress.hide()
        self.message = QLabel(self)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)

        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Encoding:"), self.encoding)
        form.addRow("", self.neutralise)
        form.addRow("", self.english_headers)
        form.addRow(self.tr("&File name:"), self.name_edit)
        left = QVBoxLayout()
        columns_label = QLabel(self.tr("Columns:"), self)
        columns_label.setBuddy(self.columns)
        left.addWidget(columns_label)
        left.addWidget(self.columns, 1)
        left.addWidget(defaults)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(QLabel(self.tr("Preview (first rows, as written):"), self))
        right.addWidget(self.preview, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addLayout(body, 1)
        lay.addWidget(self.progress)
        lay.addWidget(self.message)
        lay.addWidget(self.buttons)

        self.columns.itemChanged.connect(self._on_columns_item_changed)
        self.neutralise.toggled.connect(self.refresh_preview)
        self.english_headers.toggled.connect(self.refresh_preview)
        self.refresh_preview()

    # -- choices ---------------------------------------------------------------------------

    def selected_columns(self) -> list[str]:
        out = []
        for row in range(self.columns.count()):
            item = self.columns.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_columns(self, keys: list[str] | tuple[str, ...]) -> None:
        wanted = set(keys)
        self.columns.blockSignals(True)
        for row in range(self.columns.count()):
            item = self.columns.item(row)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.columns.blockSignals(False)
        self.refresh_preview()

    def reset_columns(self) -> None:
        self.set_columns(self.spec.defaults)

    def header(self, columns: list[str]) -> list[str]:
        """The header line as written: the core's English headers, or the interface's."""
        if self.english_headers.isChecked():
            return self.spec.header(columns)
        return [column_name(key) for key in columns]

    def bom(self) -> bool:
        return bool(self.encoding.currentData())

    def _on_columns_item_changed(self, _: QListWidgetItem) -> None:
        self.refresh_preview()

    def refresh_preview(self) -> None:
        columns = self.selected_columns()
        self.preview_model.set_rows([], [])
        self.export_button.setEnabled(bool(columns) and self.job is None)
        if not columns:
            self.message.setText(self.tr("Choose at least one column."))
            return
        self.message.clear()
        try:
            rows = preview_rows(
                self.spec, columns, neutralise=self.neutralise.isChecked(), limit=PREVIEW_ROWS
            )
        except ViewerError as exc:
            self.message.setText(error_text(exc))
            return
        header, body = self.header(columns), rows[1:]
        cut = PREVIEW_CHARS
        self.preview_model.set_rows(
            header, [[t if len(t) <= cut else t[:cut] + "…" for t in row] for row in body]
        )

    # -- writing ---------------------------------------------------------------------------

    def _ask_save_path(self, initial: str) -> str | None:
        # We confirm overwriting ourselves (the hook below), so the native dialog must not.
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export to CSV"),
            initial,
            self.tr("CSV files (*.csv);;All files (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        return path or None

    def _confirm_overwrite(self, path: str) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Replace file?"),
            arg(self.tr("%1 already exists. Replace it?"), Path(path).name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def export(self) -> None:
        """Ask for the file, confirm an overwrite, then write it in a worker."""
        if self.job is not None:
            return
        columns = self.selected_columns()
        if not columns:
            self.message.setText(self.tr("Choose at least one column."))
            return
        name = safe_filename(self.name_edit.text().strip() or self.spec.suggested_name)
        path = self.ask_save_path(str(self.directory / name))
        if not path:
            return
        if Path(path).exists() and not Path(path).is_dir() and not self.confirm_overwrite(path):
            return
        spec, bom, neutralise = self.spec, self.bom(), self.neutralise.isChecked()
        header = self.header(columns)

        # Our own token, not the job's: a cancel that comes after the last row was built
        # cannot stop the write any more, and the job must then report the file as written.
        cancel = self._cancel = CancelToken()

        def work(_: Any, progress: Callable[[int, int], None]) -> tuple[str, int]:
            try:
                write_csv(
                    path,
                    header,
                    spec.rows(columns, progress, cancel),
                    bom=bom,
                    neutralise=neutralise,
                )
            except ExportCancelled as exc:
                # Our own token said stop: a cancel, through the workers' one cancel path
                # (redundant once ExportCancelled is a Cancelled).
                raise Cancelled(str(exc)) from exc
            return path, spec.count

        self._set_busy(True)
        self.message.setText(arg(self.tr("Writing %1…"), Path(path).name))
        self.job = self.runner.start(
            work,
            on_finished=self._on_job_finished,
            on_failed=self._on_job_failed,
            on_cancelled=self._on_job_cancelled,
            on_progress=self._on_job_progress,
        )

    def _set_busy(self, busy: bool) -> None:
        for w in (
            self.columns,
            self.encoding,
            self.neutralise,
            self.english_headers,
            self.name_edit,
        ):
            w.setEnabled(not busy)
        self.export_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        self.progress.setValue(0)

    def _on_job_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_job_finished(self, result: tuple[str, int]) -> None:
        self.job = None
        path, count = result
        self.exported_path = path
        self._set_busy(False)
        self.exported.emit(path, count)
        if self._close_when_done:
            super().reject()
        else:
            self.accept()

    def _on_job_failed(self, exc: Exception) -> None:
        self.job = None
        self._set_busy(False)
        self.message.setText(arg(self.tr("Could not export: %1"), error_text(exc)))
        if self._close_when_done:
            super().reject()

    def _on_job_cancelled(self) -> None:
        self.job = None
        self._set_busy(False)
        self.message.setText(self.tr("Export cancelled; no file was written."))
        if self._close_when_done:
            super().reject()

    def cancel_export(self) -> None:
        """Stop a running export (the old file stays as it was)."""
        self._cancel.cancel()

    def reject(self) -> None:
        # While writing, Cancel (or Escape) stops the export and keeps the dialog open.
        if self.job is not None:
            self.cancel_export()
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing the window while writing stops the export and closes once the worker has
        # ended, so no signal of the job ever reaches a deleted dialog.
        if self.job is not None:
            event.ignore()
            self._close_when_done = True
            self.cancel_export()
            return
        super().closeEvent(event)
