<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
    <context>
        <name>AudioPlayer</name>
        <message>
            <source>No sound device was found, so samples cannot be played here. They are still generated and saved; open the files in another player or connect an audio output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cannot play %1: %2</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the audio file is gone.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ComparePage</name>
        <message>
            <source>&amp;Blind A/B/X (names hidden until you submit)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Generate</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save ratings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voices to compare:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>One sentence every voice says</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The quick brown fox jumps over the lazy dog.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Text:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>X sounds like:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>B</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (id %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The model of this voice is gone.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Blind A/B/X compares exactly two voices.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Choose at least two voices.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare: generating %1</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Generating %n sample(s)…</source>
            <translation>
                <numerusform>Generating %n sample…</numerusform>
                <numerusform>Generating %n samples…</numerusform>
            </translation>
        </message>
        <message>
            <source>Listen to A, B and X, say which one X is, rate A and B, then submit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listen and rate each voice, then save the ratings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Say which voice X is first.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A/B comparison: “%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rate at least one voice first.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>Correct: X was %1. %n rating(s) stored.</source>
            <translation>
                <numerusform>Correct: X was %1. %n rating stored.</numerusform>
                <numerusform>Correct: X was %1. %n ratings stored.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Not quite: X was %1. %n rating(s) stored.</source>
            <translation>
                <numerusform>Not quite: X was %1. %n rating stored.</numerusform>
                <numerusform>Not quite: X was %1. %n ratings stored.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n rating(s) stored with the voices' samples.</source>
            <translation>
                <numerusform>%n rating stored with the voices' samples.</numerusform>
                <numerusform>%n ratings stored with the voices' samples.</numerusform>
            </translation>
        </message>
        <message>
            <source>&amp;Submit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check exactly two voices for a blind A/B/X test.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Check two or more voices.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>CompareSlotWidget</name>
        <message>
            <source>Waiting…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Play</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Rate…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>1 – bad</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>2 – poor</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>3 – fair</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>4 – good</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>5 – excellent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 s</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Stop</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeleteProfileCommand</name>
        <message>
            <source>Delete voice “%1”</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>DeviceDetect</name>
        <message numerus="yes">
            <source>%n CUDA device(s) detected</source>
            <translation>
                <numerusform>%n CUDA device detected</numerusform>
                <numerusform>%n CUDA devices detected</numerusform>
            </translation>
        </message>
        <message>
            <source>No CUDA device detected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not available: this build's LibTorch has no CUDA</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>EngineWorker</name>
        <message>
            <source>Cancelled before it started.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading the model…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generating speech…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The model ended the audio before the first frame; try another text or seed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generated %1 s of speech (%2 frames).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled; nothing was stored.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Loading %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Writing the Hugging Face folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Reloading the exported folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking the exported model…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the exported model has %2 parameters, the source %3; the export is incomplete.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the exported configuration differs from the source.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the exported model speaks differently from the source; the weights were not written correctly.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported to %1, reloaded and checked: %2 parameters, same greedy output.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export cancelled.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Writing %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exported voice %1 to %2 (%3 MB).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Checking and importing %1…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Imported voice “%1” (id %2).</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <source>Export model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Another folder…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Voice or model:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Model folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A new or empty folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export to:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Format</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hugging Face folder, merged weights (config.json + model.safetensors)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Adapters only</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Original layout (Sesame ckpt.pt)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Available once the trainer writes LoRA adapters.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Not supported yet: the engine writes the Hugging Face layout.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export to</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the model folder does not exist.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not empty. Choose a new or empty folder, so nothing is overwritten.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Queued…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Done. %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Cancelled. The folder may hold a partial export; delete it.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Failed: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close (export continues)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Close</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobService</name>
        <message>
            <source>Generating a sample for “%1”</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exporting the model to %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Exporting voice %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Importing %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>JobStatusWidget</name>
        <message>
            <source>Cancel the running job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 — cancelling…</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryPage</name>
        <message>
            <source>Filter voices (name, id, gender, accent, style…)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xport…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Add a voice from a .csmvoice archive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Save the selected voice, its samples and model as a .csmvoice archive</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Move the selected voice to the library's trash (Undo brings it back)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Delete voice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Moved “%1” to the library's trash. Undo (Ctrl+Z) brings it back.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Import voice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voice archives (*.csmvoice);;All files (*)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export voice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voice archives (*.csmvoice)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Generate sample</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>LibraryService</name>
        <message>
            <source>(broken profile)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The library folder %1 does not exist yet; it is created when you add or import the first voice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 is not a folder. Choose another library folder in Settings.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The library folder %1 is read-only: you can browse and listen, but not change voices. Choose a writable folder in Settings to edit.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type the text the voice should say.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voice %1 is no longer in the library (%2).</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: the model of “%2” is gone. Put it back, or point the profile to its model folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1: no tokenizer.json beside the model. Set the base model folder (with tokenizer.json) in Settings.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>CSM Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Record your voice (coming with the recording issue)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Train</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Fine-tune a voice (coming with the training wizard)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Library</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your voices: details, samples, import and export</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Compare</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Listen to voices side by side; blind A/B/X</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recording sessions (prompts, levels, takes) arrive with the recording issue. Until then, prepare data with the `csm data` command line.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The training wizard arrives with the training issue. Trained voices appear in the Library, where you can audition, compare and export them.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Device: CUDA</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Device: CPU</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No sound device</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;File</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Import Voice…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>E&amp;xport Voice…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Export &amp;Model…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Undo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Redo</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Delete Voice</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Filter Voices</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;View</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Jobs</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Cancel Running Job</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Help</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;About CSM Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About &amp;Qt</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The new language applies when CSM Studio starts again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Voice “%1” (id %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Base model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>About CSM Studio</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&lt;h3&gt;CSM Studio %1&lt;/h3&gt;&lt;p&gt;Fine-tune Sesame's CSM-1B speech model on your own voice, keep a library of voices, audition and compare them, and export them.&lt;/p&gt;&lt;p&gt;Clone only voices you have the right to use: a voice of another person needs their recorded or written consent.&lt;/p&gt;</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProfileDetailWidget</name>
        <message>
            <source>Details</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Samples</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Training</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Consent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>female</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>male</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>non-binary</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. 30-40</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>e.g. newsreader, excited</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Name:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Description:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Gender:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Age range:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A&amp;ccent:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Language:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>St&amp;yle:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Model:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Revert</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Save</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Play</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>S&amp;top</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Type a sentence for this voice to say</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Generate sample</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 (id %2)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No voice selected</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This profile cannot be read: %1. Fix or delete it; the other voices are not affected.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The model is gone: %1. Samples can still be played, but new ones cannot be generated.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recipe:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Data:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>%1 min</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Epochs:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Best val loss:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Final loss:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Started:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Finished:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Run folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Hyperparameters:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This voice has not been trained in CSM Studio.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Base model:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Person:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Given at:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Method:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Statement:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Recording:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Your own voice: no consent record is needed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No consent record.</source>
            <translation type="unfinished" />
        </message>
        <message numerus="yes">
            <source>★ %1 (%n rating(s))</source>
            <translation>
                <numerusform>★ %1 (%n rating)</numerusform>
                <numerusform>★ %1 (%n ratings)</numerusform>
            </translation>
        </message>
        <message>
            <source>A sample is being generated…</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>The model of this voice is gone.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ProfileTableModel</name>
        <message>
            <source>The model is gone: %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Name</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Id</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Gender</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Age range</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Accent</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Style</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Base model</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Last trained</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Best val loss</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Samples</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>ScreenshotTour</name>
        <message>
            <source>Hello, this is my voice.</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>System default</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Settings</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Library folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Folder of sesame/csm-1b (config.json, model.safetensors, tokenizer.json)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Base model folder:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CPU</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CUDA GPU — %1</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>&amp;Device:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>L&amp;anguage:</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>A new language applies when CSM Studio starts again.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Library folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Base model folder</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Does not exist yet; it is created with the first voice.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>This is not a folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Read-only: voices can be browsed but not changed.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>Needed to generate with voices whose model has no tokenizer.json.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>No config.json in this folder: it is not a CSM model folder.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>CUDA: %1</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>SpectrogramWidget</name>
        <message>
            <source>No audio</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WavFile</name>
        <message>
            <source>%1: cannot write the audio file (%2). Check that the folder exists and is writable.</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>cannot open the file (%1)</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>not a WAV file</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>the data chunk comes before the format chunk</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>only 16-bit PCM and 32-bit float WAV files are supported</source>
            <translation type="unfinished" />
        </message>
        <message>
            <source>no audio data in the file</source>
            <translation type="unfinished" />
        </message>
    </context>
    <context>
        <name>WaveformWidget</name>
        <message>
            <source>No audio</source>
            <translation type="unfinished" />
        </message>
    </context>
</TS>
